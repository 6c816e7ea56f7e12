using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// The record as plain CommonMark plus pipe tables, so the runbook importer can read it back.
/// User text is escaped where it could break the structure: pipes and line breaks in table cells and
/// list items, and lines in prose that would otherwise start a heading.
/// </summary>
public static partial class PostIncidentMarkdown
{
    private const string None = "_None recorded._";

    public static string Render(Incident incident, PostIncidentRecord? record)
    {
        var info = IncidentCatalog.Info(incident.Class);
        var md = new StringBuilder();
        md.Append("# Post-incident record: ").Append(incident.Id).Append(" · ").AppendLine(Inline(incident.Title)).AppendLine();

        md.AppendLine("| Field | Value |").AppendLine("|---|---|");
        Row(md, "Incident", incident.Id);
        Row(md, "Severity", IncidentCatalog.Label(incident.Severity));
        Row(md, "Class", info.Name);
        Row(md, "Status", incident.Status.ToString());
        Row(md, "Scopes", incident.Scopes.Count == 0 ? "—" : string.Join(", ", incident.Scopes));
        Row(md, "Opened", $"{Utc(incident.OpenedAt)} by {incident.OpenedBy}");
        Row(md, "Owner", incident.Owner ?? "unassigned");
        Row(md, "Record", record is null ? "not started" : $"revision {record.Revision}, {(record.IsComplete ? "complete" : "incomplete")}, by {record.UpdatedBy} at {Utc(record.UpdatedAt)}");
        md.AppendLine();

        Section(md, "Summary", record?.Summary);
        Section(md, "Impact", record?.Impact);

        md.AppendLine("## Timeline").AppendLine();
        var timeline = record?.Timeline ?? [];
        if (timeline.Count == 0)
        {
            md.AppendLine(None).AppendLine();
        }
        else
        {
            md.AppendLine("| Time (UTC) | Event |").AppendLine("|---|---|");
            foreach (var moment in timeline)
            {
                Row(md, Utc(moment.At), moment.Text);
            }

            md.AppendLine();
        }

        Section(md, "Root cause", record?.RootCause);
        Section(md, "Contributing factors", record?.ContributingFactors);
        Section(md, "What went well", record?.WentWell);
        Section(md, "What went badly", record?.WentBadly);

        md.AppendLine("## Follow-ups").AppendLine();
        var followUps = record?.FollowUps ?? [];
        if (followUps.Count == 0)
        {
            md.AppendLine(None);
        }

        foreach (var f in followUps)
        {
            md.Append(f.Done ? "- [x] " : "- [ ] ").Append(Inline(f.Text))
                .Append(" — owner: ").Append(Inline(f.Owner))
                .Append(", due ").Append(f.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (f.Done && f.DoneAt is { } doneAt)
            {
                md.Append(", done by ").Append(Inline(f.DoneBy ?? "?")).Append(" at ").Append(Utc(doneAt));
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>One line of text safe inside a table cell or list item: no line breaks, pipes escaped.</summary>
    public static string Inline(string text) =>
        LineBreaks().Replace(text.Trim(), " ").Replace("|", "\\|", StringComparison.Ordinal);

    private static void Row(StringBuilder md, string field, string value) =>
        md.Append("| ").Append(Inline(field)).Append(" | ").Append(Inline(value)).AppendLine(" |");

    private static void Section(StringBuilder md, string heading, string? text)
    {
        md.Append("## ").AppendLine(heading).AppendLine();
        md.AppendLine(string.IsNullOrWhiteSpace(text) ? None : Prose(text)).AppendLine();
    }

    /// <summary>Keeps the writer's paragraphs, but a line beginning with '#' would become a heading and split the section.</summary>
    private static string Prose(string text) =>
        HeadingStart().Replace(text.Trim().ReplaceLineEndings("\n"), m => m.Groups[1].Value + "\\#");

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s*(\r\n|\r|\n)\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^([ \t]{0,3})#", RegexOptions.Multiline)]
    private static partial Regex HeadingStart();
}
