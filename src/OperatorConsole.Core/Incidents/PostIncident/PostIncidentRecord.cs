namespace OperatorConsole.Core.Incidents;

/// <summary>The post-incident record (post-mortem) of one incident, owned by the incident owner (seed 004).</summary>
public sealed record PostIncidentRecord
{
    public required string IncidentId { get; init; }
    public string Summary { get; init; } = string.Empty;
    public string Impact { get; init; } = string.Empty;
    public string RootCause { get; init; } = string.Empty;
    public string ContributingFactors { get; init; } = string.Empty;
    public string WentWell { get; init; } = string.Empty;
    public string WentBadly { get; init; } = string.Empty;

    /// <summary>Key moments copied from the incident when the draft was made, so the record stays readable on its own.</summary>
    public IReadOnlyList<KeyMoment> Timeline { get; init; } = [];
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];
    public int Revision { get; init; }
    public required string UpdatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Complete means the two fields nobody can skip are filled; the rest may honestly be short.</summary>
    public bool IsComplete => Gaps(Summary, RootCause).Count == 0;

    public static IReadOnlyList<string> Gaps(string? summary, string? rootCause)
    {
        var gaps = new List<string>();
        if (string.IsNullOrWhiteSpace(summary))
        {
            gaps.Add("Summary is required for a complete record.");
        }

        if (string.IsNullOrWhiteSpace(rootCause))
        {
            gaps.Add("Root cause is required for a complete record.");
        }

        return gaps;
    }
}

public sealed record KeyMoment(DateTimeOffset At, string Text);

public sealed record FollowUp
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required string Owner { get; init; }
    public required DateOnly Due { get; init; }
    public bool Done { get; init; }
    public string? DoneBy { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
}

/// <summary>An open follow-up as the cross-incident list shows it.</summary>
public sealed record OpenFollowUp(
    string IncidentId, string IncidentTitle, string FollowUpId, string Text, string Owner, DateOnly Due, bool Overdue);
