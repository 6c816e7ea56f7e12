namespace OperatorConsole.Core.FailureStatus;

/// <summary>
/// The console-held failure status services report (001's failure mode): NORMAL, or a failure mode with who reported
/// it, since when, why, and optionally the failure report or incident it belongs to. <see cref="Version"/> grows with
/// every change, so a reset confirmed after a newer report is refused as stale.
/// </summary>
public sealed record FailureState
{
    public const string NormalMode = "NORMAL";

    public static readonly FailureState Normal = new() { Mode = NormalMode, Version = 0 };

    public required string Mode { get; init; }

    public required long Version { get; init; }

    public string? Reason { get; init; }

    public string? ReportedBy { get; init; }

    public DateTimeOffset? Since { get; init; }

    public string? ReportId { get; init; }

    public string? IncidentId { get; init; }

    public bool IsNormal => Mode == NormalMode;
}

/// <summary>What a service reports.</summary>
public sealed record FailureReport(string? Mode, string? Reason, string? ReportId, string? IncidentId);

public interface IFailureStatusRepository
{
    FailureState Current();

    void Save(FailureState state);
}
