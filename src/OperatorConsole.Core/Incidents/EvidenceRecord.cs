namespace OperatorConsole.Core.Incidents;

/// <summary>The nine core evidence fields of seed 004, plus who recorded them and when.</summary>
public sealed record EvidenceRecord
{
    public required string Id { get; init; }
    public required string IncidentId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Scope { get; init; }
    public required string TriggerSource { get; init; }
    public required string FailureMode { get; init; }
    public required string ContainmentAction { get; init; }
    public string? RollbackOrKillSwitchAction { get; init; }
    public required string VerificationResult { get; init; }
    public required string OperatorOrOwner { get; init; }
    public required string FollowUp { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>What a person fills in; the console prefills it from what it already knows.</summary>
public sealed class EvidenceDraft
{
    public const int MaxFieldLength = 4000;

    public DateTimeOffset? Timestamp { get; set; }
    public string? Scope { get; set; }
    public string? TriggerSource { get; set; }
    public string? FailureMode { get; set; }
    public string? ContainmentAction { get; set; }
    public string? RollbackOrKillSwitchAction { get; set; }
    public string? VerificationResult { get; set; }
    public string? OperatorOrOwner { get; set; }
    public string? FollowUp { get; set; }

    /// <summary>Every problem with the draft, each naming its field; empty when it is complete.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Timestamp is null)
        {
            problems.Add("Timestamp is required.");
        }

        Require(problems, Scope, "Scope");
        Require(problems, TriggerSource, "Trigger or alert source");
        Require(problems, FailureMode, "Observed failure mode");
        Require(problems, ContainmentAction, "Containment action");
        Require(problems, VerificationResult, "Verification result");
        Require(problems, OperatorOrOwner, "Operator or owner");
        Require(problems, FollowUp, "Follow-up requirement");
        if (RollbackOrKillSwitchAction?.Length > MaxFieldLength)
        {
            problems.Add($"Rollback or kill-switch action is longer than {MaxFieldLength} characters.");
        }

        return problems;
    }

    private static void Require(List<string> problems, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is required.");
        }
        else if (value.Length > MaxFieldLength)
        {
            problems.Add($"{name} is longer than {MaxFieldLength} characters.");
        }
    }
}
