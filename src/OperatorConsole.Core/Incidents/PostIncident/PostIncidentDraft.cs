namespace OperatorConsole.Core.Incidents;

/// <summary>What the owner edits; <see cref="Problems"/> lists what blocks saving, each naming its field.</summary>
public sealed class PostIncidentDraft
{
    public const int MaxTextLength = 4000;
    public const int MaxFollowUpTextLength = 500;
    public const int MaxOwnerLength = 80;
    public const int MaxFollowUps = 100;
    public const int MaxTimelineMoments = 200;

    public string? Summary { get; set; }
    public string? Impact { get; set; }
    public string? RootCause { get; set; }
    public string? ContributingFactors { get; set; }
    public string? WentWell { get; set; }
    public string? WentBadly { get; set; }
    public List<KeyMoment> Timeline { get; set; } = [];
    public List<FollowUpDraft> FollowUps { get; set; } = [];

    public static PostIncidentDraft From(PostIncidentRecord record) => new()
    {
        Summary = record.Summary,
        Impact = record.Impact,
        RootCause = record.RootCause,
        ContributingFactors = record.ContributingFactors,
        WentWell = record.WentWell,
        WentBadly = record.WentBadly,
        Timeline = [.. record.Timeline],
        FollowUps = [.. record.FollowUps.Select(f => new FollowUpDraft { Id = f.Id, Text = f.Text, Owner = f.Owner, Due = f.Due, Done = f.Done })],
    };

    /// <summary>Problems that stop a save. A missing summary or root cause does not: a partial record may be saved, it just is not complete.</summary>
    public IReadOnlyList<string> Problems(DateOnly incidentOpenedOn)
    {
        var problems = new List<string>();

        // A JSON client can send null for a list or for one of its rows; the rules below read every row.
        if (Timeline is null || FollowUps is null || Timeline.Contains(null!) || FollowUps.Contains(null!))
        {
            problems.Add("timeline and followUps are lists of objects: neither the list nor any row may be null.");
            return problems;
        }

        Length(problems, Summary, "Summary");
        Length(problems, Impact, "Impact");
        Length(problems, RootCause, "Root cause");
        Length(problems, ContributingFactors, "Contributing factors");
        Length(problems, WentWell, "What went well");
        Length(problems, WentBadly, "What went badly");
        if (Timeline.Count > MaxTimelineMoments || Timeline.Any(m => string.IsNullOrWhiteSpace(m.Text) || m.Text.Length > MaxTextLength))
        {
            problems.Add($"The timeline holds at most {MaxTimelineMoments} moments, each with text of at most {MaxTextLength} characters.");
        }

        if (FollowUps.Count > MaxFollowUps)
        {
            problems.Add($"A record holds at most {MaxFollowUps} follow-ups.");
        }

        for (var i = 0; i < FollowUps.Count; i++)
        {
            var f = FollowUps[i];
            var name = $"Follow-up {i + 1}";
            Required(problems, f.Text, $"{name}: text", MaxFollowUpTextLength);
            Required(problems, f.Owner, $"{name}: owner", MaxOwnerLength);
            if (f.Due is null)
            {
                problems.Add($"{name}: due date is required.");
            }
            else if (f.Due < incidentOpenedOn)
            {
                problems.Add($"{name}: due date {f.Due:yyyy-MM-dd} is before the incident opened ({incidentOpenedOn:yyyy-MM-dd}).");
            }
        }

        return problems;
    }

    private static void Length(List<string> problems, string? value, string name)
    {
        if (value?.Trim().Length > MaxTextLength)
        {
            problems.Add($"{name} is longer than {MaxTextLength} characters.");
        }
    }

    private static void Required(List<string> problems, string? value, string name, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is required.");
        }
        else if (value.Trim().Length > max)
        {
            problems.Add($"{name} is longer than {max} characters.");
        }
    }
}

/// <summary>One follow-up row of the form; <see cref="Id"/> is null until the row is first saved.</summary>
public sealed class FollowUpDraft
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Owner { get; set; }
    public DateOnly? Due { get; set; }

    /// <summary>Shown only; done is changed through its own action so a save never un-does someone's tick.</summary>
    public bool Done { get; set; }
}
