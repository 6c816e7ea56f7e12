using System.Text.Json;
using OperatorConsole.Core.Common;

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
    public IReadOnlyList<string> Problems() => [.. FieldProblems().Select(p => p.Message)];

    /// <summary>The same problems as <see cref="Problems"/>, each with the API's camelCase name of its field.</summary>
    public IReadOnlyList<FieldProblem> FieldProblems()
    {
        var problems = new List<FieldProblem>();
        if (Timestamp is null)
        {
            problems.Add(new(Field(nameof(Timestamp)), "Timestamp is required."));
        }

        Require(problems, Scope, nameof(Scope), "Scope");
        Require(problems, TriggerSource, nameof(TriggerSource), "Trigger or alert source");
        Require(problems, FailureMode, nameof(FailureMode), "Observed failure mode");
        Require(problems, ContainmentAction, nameof(ContainmentAction), "Containment action");
        Require(problems, VerificationResult, nameof(VerificationResult), "Verification result");
        Require(problems, OperatorOrOwner, nameof(OperatorOrOwner), "Operator or owner");
        Require(problems, FollowUp, nameof(FollowUp), "Follow-up requirement");
        if (RollbackOrKillSwitchAction?.Length > MaxFieldLength)
        {
            problems.Add(new(Field(nameof(RollbackOrKillSwitchAction)), $"Rollback or kill-switch action is longer than {MaxFieldLength} characters."));
        }

        return problems;
    }

    /// <summary>Problems keyed by field, as the API reports them in problem+json's <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]> ProblemsByField() => FieldProblem.ByField(FieldProblems());

    /// <summary>The JSON (web defaults) name of a property: the key a client sent it under.</summary>
    private static string Field(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    private static void Require(List<FieldProblem> problems, string? value, string property, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(Field(property), $"{name} is required."));
        }
        else if (value.Length > MaxFieldLength)
        {
            problems.Add(new(Field(property), $"{name} is longer than {MaxFieldLength} characters."));
        }
    }
}
