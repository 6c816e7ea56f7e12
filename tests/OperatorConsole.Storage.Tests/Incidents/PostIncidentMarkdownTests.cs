using System.Text.RegularExpressions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class PostIncidentMarkdownTests : PostIncidentFixture
{
    [Fact]
    public async Task Export_SavedRecord_HasHeadingsMetadataAndTimeline()
    {
        var incident = await OpenAsync();
        await SaveAsync(incident.Id);

        var md = Store.PostIncidents.ExportMarkdown(incident.Id)!;

        Assert.StartsWith($"# Post-incident record: {incident.Id} · Publish blocked in eu-west\n", md, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Summary", "## Impact", "## Timeline", "## Root cause", "## Contributing factors", "## What went well", "## What went badly", "## Follow-ups" })
        {
            Assert.Contains($"\n{heading}\n", md, StringComparison.Ordinal);
        }

        Assert.Contains("| Severity | SEV-2 |", md, StringComparison.Ordinal);
        Assert.Contains("| 2026-03-10 09:00 UTC | Opened as SEV-2 Publish failure |", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_PipesAndNewlinesInUserText_EscapedInTablesAndLists()
    {
        var incident = await OpenAsync("Queue a|b backlog");
        await SaveAsync(incident.Id, "Split the a|b\nqueue");

        var md = Store.PostIncidents.ExportMarkdown(incident.Id)!;

        Assert.Contains("# Post-incident record: INC-0001 · Queue a\\|b backlog", md, StringComparison.Ordinal);
        Assert.Contains("- [ ] Split the a\\|b queue — owner: Ines Incident-owner, due 2026-03-20", md, StringComparison.Ordinal);
        // Every row of both two-column tables keeps exactly three unescaped pipes.
        Assert.All(md.Split('\n').Where(l => l.StartsWith('|')), row => Assert.Equal(3, Regex.Count(row, @"(?<!\\)\|")));
    }

    [Fact]
    public async Task Export_DoneAndOpenFollowUps_CheckedAndUncheckedBoxes()
    {
        var incident = await OpenAsync();
        var record = await SaveAsync(incident.Id);
        await Store.PostIncidents.SetFollowUpDoneAsync(TestActors.Ines, incident.Id, record.FollowUps[1].Id);

        var md = Store.PostIncidents.ExportMarkdown(incident.Id)!;

        Assert.Contains("- [ ] Alert on key mismatch — owner: Ines Incident-owner, due 2026-03-20\n", md, StringComparison.Ordinal);
        Assert.Contains("- [x] Document rotation — owner: Omar On-call, due 2026-03-30, done by Ines Incident-owner at 2026-03-10 09:00 UTC\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_RootCauseLineStartingWithHash_DoesNotBecomeAHeading()
    {
        var incident = await OpenAsync();
        var draft = Complete();
        draft.RootCause = "Key rotated.\n# not a heading";
        await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, draft);

        var md = Store.PostIncidents.ExportMarkdown(incident.Id)!;

        Assert.Contains("\n\\# not a heading\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExportedRecord_ParsesAsRunbookWithItsSections()
    {
        var incident = await OpenAsync();
        await SaveAsync(incident.Id);

        var parsed = new RunbookParser().Parse(Store.PostIncidents.ExportMarkdown(incident.Id)!, "post-incident.md");

        Assert.Equal($"Post-incident record: {incident.Id} · Publish blocked in eu-west", parsed.Title);
        Assert.Contains(parsed.Sections, s => s.Title == "Follow-ups");
    }

    [Fact]
    public async Task Export_NoRecordYet_SaysNotStarted()
    {
        var incident = await OpenAsync();

        var md = Store.PostIncidents.ExportMarkdown(incident.Id)!;

        Assert.Contains("| Record | not started |", md, StringComparison.Ordinal);
        Assert.Contains("## Follow-ups\n\n_None recorded._", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_UnknownIncident_Null() => Assert.Null(Store.PostIncidents.ExportMarkdown("INC-9999"));

    private async Task<PostIncidentRecord> SaveAsync(string incidentId, string firstFollowUp = "Alert on key mismatch")
    {
        var draft = Complete(Item(firstFollowUp, "Ines Incident-owner", Day(3, 20)), Item("Document rotation", "Omar On-call", Day(3, 30)));
        draft.Timeline = Store.PostIncidents.Draft(incidentId).Timeline;
        return await Store.PostIncidents.SaveAsync(TestActors.Ines, incidentId, draft);
    }
}
