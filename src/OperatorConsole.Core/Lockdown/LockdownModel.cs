using System.Globalization;

namespace OperatorConsole.Core.Lockdown;

/// <summary>
/// One emergency lockdown: who pressed the button, when and why, the pre-halt snapshot it took, the alert webhook's
/// delivery, the release requests waiting for confirmation, and its release. At most one is active at a time.
/// </summary>
public sealed record LockdownRecord
{
    public required string Id { get; init; }

    public required string Reason { get; init; }

    public string? IncidentId { get; init; }

    public required string EngagedBy { get; init; }

    public required string EngagedByName { get; init; }

    public required DateTimeOffset EngagedAt { get; init; }

    public required string SnapshotId { get; init; }

    public required string SnapshotHash { get; init; }

    public WebhookDelivery? Alert { get; init; }

    public IReadOnlyList<PendingRelease> PendingReleases { get; init; } = [];

    public LockdownRelease? Release { get; init; }

    public bool Active => Release is null;
}

/// <summary>A release asked for and not yet confirmed; the UI lists it so a second person can confirm.</summary>
public sealed record PendingRelease(
    string RequestId, string RequestedBy, string RequestedByName, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, bool FourEyes, string Reason);

public sealed record LockdownRelease(
    string Reason, string RequestedByName, string ConfirmedBy, string ConfirmedByName, DateTimeOffset At, string RequestId, bool FourEyes);

/// <summary>What happened when the console POSTed the lockdown alert: the status code, or the error, and how long it took.</summary>
public sealed record WebhookDelivery(string Target, DateTimeOffset At, int? StatusCode, string? Error, long DurationMs)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}

/// <summary>The pre-halt state as a sealed evidence bundle (canonical JSON with its integrity hash).</summary>
public sealed record LockdownSnapshot(string Id, string LockdownId, DateTimeOffset TakenAt, string FileName, string Json, string IntegrityHash);

/// <summary>The Admin's lockdown settings: the optional outgoing alert webhook.</summary>
public sealed record LockdownSettings(string? AlertWebhookUrl, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public static readonly LockdownSettings None = new(null, null, null);
}

public static class LockdownMessages
{
    public static string Refusal(LockdownRecord active) => $"{Since(active)} Release it first.";

    public static string AlreadyEngaged(LockdownRecord active) => $"{Since(active)} It is already engaged.";

    private static string Since(LockdownRecord active) => string.Create(
        CultureInfo.InvariantCulture,
        $"The console is in emergency lockdown since {active.EngagedAt:yyyy-MM-dd HH:mm:ss} UTC by {active.EngagedByName}: {active.Reason}.");
}

public interface ILockdownRepository
{
    /// <summary>The lockdown in force, or null.</summary>
    LockdownRecord? Active();

    LockdownRecord? Get(string id);

    /// <summary>Every lockdown, newest first.</summary>
    IReadOnlyList<LockdownRecord> All();

    void Upsert(LockdownRecord record);

    LockdownSnapshot? GetSnapshot(string id);

    void Add(LockdownSnapshot snapshot);

    LockdownSettings Settings();

    void Save(LockdownSettings settings);
}
