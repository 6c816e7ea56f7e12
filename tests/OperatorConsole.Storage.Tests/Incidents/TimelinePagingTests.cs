using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>A timeline of 10,000 entries read in pages, newest first, each page a seek on the sort-key index (never a skip).</summary>
public sealed class TimelinePagingTests : IDisposable
{
    private const int Entries = 10_000;
    private const int PageSize = 50;

    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task TimelinePage_FirstPageOf10000_NewestFiftyNewestFirst()
    {
        var id = await SeedAsync();

        var page = _scene.Incidents.TimelinePage(id, kind: null, anchor: null, PageSize);

        Assert.Equal(Enumerable.Range(0, PageSize).Select(i => $"note {Entries - 1 - i}"), page.Entries.Select(e => e.Text));
        Assert.Equal((false, true), (page.HasNewer, page.HasOlder));
        Assert.Equal(Entries + 1, _scene.Incidents.TimelineCount(id));
    }

    [Fact]
    public async Task OlderTimelinePage_WalkedToTheEnd_EveryEntryOnceNewestFirst()
    {
        var id = await SeedAsync();

        var walked = await Walk(id, kind: null, _ => Task.CompletedTask);

        Assert.Equal([.. Enumerable.Range(0, Entries).Reverse().Select(i => $"note {i}"), "Opened as SEV-2 Bad publish"], walked.Select(e => e.Text));
    }

    [Fact]
    public async Task OlderTimelinePage_NotesArriveBetweenPages_PagesStayContiguousWithoutDuplicatesOrMisses()
    {
        var id = await SeedAsync(entries: 500);
        var before = _scene.Incidents.Timeline(id).Select(e => e.Id).Reverse().ToList();
        _scene.Advance(TimeSpan.FromHours(1));
        var arrived = 0;

        var walked = await Walk(id, kind: null, async page =>
        {
            _scene.Advance(IncidentScene.Step);
            await _scene.Incidents.AddNoteAsync(TestActors.Omar, id, $"arrived after page {page}");
            arrived++;
        });

        Assert.Equal(before, walked.Select(e => e.Id));
        Assert.Equal(before.Count + arrived, _scene.Incidents.TimelineCount(id));
    }

    [Fact]
    public async Task NewerTimelinePage_FromThirdPage_BackToTheSecondThenTheNewest()
    {
        var id = await SeedAsync();
        var first = _scene.Incidents.TimelinePage(id, kind: null, anchor: null, PageSize);
        var second = _scene.Incidents.OlderTimelinePage(id, null, first, PageSize);
        var third = _scene.Incidents.OlderTimelinePage(id, null, second, PageSize);

        var back = _scene.Incidents.NewerTimelinePage(id, null, third, PageSize);
        var top = _scene.Incidents.NewerTimelinePage(id, null, back, PageSize);

        Assert.Equal(second.Entries.Select(e => e.Id), back.Entries.Select(e => e.Id));
        Assert.Equal(second.Anchor, back.Anchor);
        Assert.Equal(first.Entries.Select(e => e.Id), top.Entries.Select(e => e.Id));
        Assert.False(top.HasNewer);
    }

    [Fact]
    public async Task TimelinePage_AnchoredPageAfterNewNotes_ReadsTheSameRowsAgain()
    {
        var id = await SeedAsync(entries: 200);
        var second = _scene.Incidents.OlderTimelinePage(id, null, _scene.Incidents.TimelinePage(id, null, null, PageSize), PageSize);
        _scene.Advance(IncidentScene.Step);
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, id, "newest of all");

        var again = _scene.Incidents.TimelinePage(id, null, second.Anchor, PageSize);

        Assert.Equal(second.Entries.Select(e => e.Id), again.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task TimelinePage_LastPage_EndsWithTheOpeningEntryAndHasNoOlder()
    {
        var id = await SeedAsync(entries: 60);
        var first = _scene.Incidents.TimelinePage(id, kind: null, anchor: null, PageSize);

        var last = _scene.Incidents.OlderTimelinePage(id, null, first, PageSize);

        Assert.Equal([.. Enumerable.Range(0, 10).Reverse().Select(i => $"note {i}"), "Opened as SEV-2 Bad publish"], last.Entries.Select(e => e.Text));
        Assert.Equal((true, false), (last.HasNewer, last.HasOlder));
    }

    [Fact]
    public async Task TimelinePage_KindFilter_OnlyThatKindAndItsCount()
    {
        var id = await SeedAsync();

        var decisions = await Walk(id, TimelineKinds.Decision, _ => Task.CompletedTask);
        var statuses = _scene.Incidents.TimelinePage(id, TimelineKinds.Status, anchor: null, PageSize);

        Assert.Equal(Entries / 10, _scene.Incidents.TimelineCount(id, TimelineKinds.Decision));
        Assert.Equal(Enumerable.Range(0, Entries).Where(i => i % 10 == 9).Reverse().Select(i => $"note {i}"), decisions.Select(e => e.Text));
        Assert.Equal(TimelineKinds.Status, Assert.Single(statuses.Entries).Kind);
        Assert.Equal(1, _scene.Incidents.TimelineCount(id, TimelineKinds.Status));
    }

    [Fact]
    public async Task TimelinePage_OtherIncidentHasEntries_ReturnsOnlyThisIncidents()
    {
        var id = await SeedAsync();
        var other = await _scene.OpenAsync();
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, other.Id, "belongs to the other");

        var page = _scene.Incidents.TimelinePage(id, kind: null, anchor: null, PageSize);
        var otherPage = _scene.Incidents.TimelinePage(other.Id, kind: null, anchor: null, PageSize);

        Assert.All(page.Entries, e => Assert.Equal(id, e.IncidentId));
        Assert.Equal(["belongs to the other", "Opened as SEV-2 Bad publish"], otherPage.Entries.Select(e => e.Text));
        Assert.Equal(2, _scene.Incidents.TimelineCount(other.Id));
        Assert.Equal(Entries + 1, _scene.Incidents.TimelineCount(id));
    }

    [Fact]
    public async Task AddNote_ManyAtTheSameInstant_PagedAndWholeReadsKeepAppendOrder()
    {
        var incident = await _scene.OpenAsync();
        for (var i = 0; i < 20; i++)
        {
            await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, $"same instant {i}");
        }

        var page = _scene.Incidents.TimelinePage(incident.Id, TimelineKinds.Note, anchor: null, PageSize);
        var whole = _scene.Incidents.Timeline(incident.Id);

        Assert.Equal(Enumerable.Range(0, 20).Reverse().Select(i => $"same instant {i}"), page.Entries.Select(e => e.Text));
        Assert.Equal(["Opened as SEV-2 Bad publish", .. Enumerable.Range(0, 20).Select(i => $"same instant {i}")], whole.Select(e => e.Text));
    }

    [Fact]
    public async Task PinnedTimeline_TwoPinnedOfMany_ReturnsJustThoseNewestFirst()
    {
        var incident = await _scene.OpenAsync();
        var older = await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "older finding");
        _scene.Advance(IncidentScene.Step);
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "chatter");
        _scene.Advance(IncidentScene.Step);
        var newer = await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "newer finding");
        var other = await _scene.OpenAsync();
        var elsewhere = await _scene.Incidents.AddNoteAsync(TestActors.Omar, other.Id, "other incident");
        foreach (var (incidentId, entry) in new[] { (incident.Id, older), (incident.Id, newer), (other.Id, elsewhere) })
        {
            await _scene.Incidents.SetPinnedAsync(TestActors.Omar, incidentId, entry.Id, pinned: true);
        }

        await _scene.Incidents.SetPinnedAsync(TestActors.Omar, other.Id, elsewhere.Id, pinned: false);

        Assert.Equal(["newer finding", "older finding"], _scene.Incidents.PinnedTimeline(incident.Id).Select(e => e.Text));
        Assert.Empty(_scene.Incidents.PinnedTimeline(other.Id));
        Assert.Equal(4, _scene.Incidents.TimelineCount(incident.Id));
    }

    [Fact]
    public async Task TimelinePage_AfterReopen_StillPagesFromTheStoredIndexes()
    {
        var id = await SeedAsync(entries: 120);
        var first = _scene.Incidents.TimelinePage(id, null, null, PageSize);
        _scene.Store.Reopen();

        var page = _scene.Incidents.OlderTimelinePage(id, null, first, PageSize);

        Assert.Equal(Enumerable.Range(0, PageSize).Select(i => $"note {119 - PageSize - i}"), page.Entries.Select(e => e.Text));
    }

#if !POSTGRESQL // LiteDB file specific: edits the file, reads its query plan
    [Fact]
    public async Task Open_EntriesWrittenBeforeSortKeys_BackfilledAndPaged()
    {
        var incident = await _scene.OpenAsync();
        _scene.Store.Close();
        using (var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct"))
        {
            // A file from before the sort keys had no kept counts either.
            db.DropCollection(LiteSchema.TimelineCounts);
            var timeline = db.GetCollection(LiteSchema.Timeline);
            foreach (var doc in timeline.FindAll().ToList())
            {
                timeline.Update(JsonDocuments.Wrap(doc["_id"], JsonDocuments.Unwrap<TimelineEntry>(doc), ("incidentId", doc["incidentId"])));
            }

            var old = new TimelineEntry("0ld0ld0ld0ld", incident.Id, IncidentScene.Start.AddMinutes(5), TimelineKinds.Note, "Omar On-call", "from before paging");
            timeline.Insert(JsonDocuments.Wrap(old.Id, old, ("incidentId", old.IncidentId)));
            Assert.Equal(0, timeline.Count(Query.Not(TimelineSchema.Order, BsonValue.Null)));
        }

        _scene.Store.Open();

        Assert.Equal(["from before paging", "Opened as SEV-2 Bad publish"], _scene.Store.Incidents.TimelinePage(incident.Id, null, null, PageSize).Entries.Select(e => e.Text));
        Assert.Equal(1, _scene.Store.Incidents.TimelineCount(incident.Id, TimelineKinds.Note));
    }
#endif

#if !POSTGRESQL // LiteDB file specific: edits the file, reads its query plan
    [Theory]
    [InlineData(null, TimelineSchema.Order)]
    [InlineData(TimelineKinds.Note, TimelineSchema.KindOrder)]
    public async Task TimelineBefore_QueryPlan_SeeksTheSortKeyIndexAndReadsOnlyThePage(string? kind, string index)
    {
        var id = await SeedAsync(entries: 10);
        _scene.Store.Close();
        using var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct");
        var prefix = TimelineSchema.Prefix(id, kind);
        var anchor = ByteSortKey.Of(prefix, IncidentScene.Start.AddMinutes(1).AddSeconds(5), "e00005");

        var plan = db.GetCollection(LiteSchema.Timeline).Query()
            .Where(Query.Between(index, prefix, anchor))
            .OrderByDescending(index)
            .Limit(PageSize + 1)
            .GetPlan();

        Assert.Equal((index, -1), (plan["index"]["name"].AsString, plan["index"]["order"].AsInt32));
        Assert.StartsWith($"INDEX RANGE SCAN({index} BETWEEN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.False(plan.ContainsKey("orderBy"));
        Assert.False(plan.ContainsKey("offset"));
    }
#endif

    /// <summary>Every page from the newest to the oldest, through the service; <paramref name="between"/> runs after each page.</summary>
    private async Task<List<TimelineEntry>> Walk(string id, string? kind, Func<int, Task> between)
    {
        var walked = new List<TimelineEntry>();
        var page = _scene.Incidents.TimelinePage(id, kind, anchor: null, PageSize);
        for (var n = 0; ; n++)
        {
            walked.AddRange(page.Entries);
            await between(n);
            if (!page.HasOlder)
            {
                return walked;
            }

            page = _scene.Incidents.OlderTimelinePage(id, kind, page, PageSize);
        }
    }

    /// <summary>An opened incident plus <paramref name="entries"/> notes a second apart; every tenth is a decision.</summary>
    private async Task<string> SeedAsync(int entries = Entries)
    {
        var incident = await _scene.OpenAsync();
        var start = IncidentScene.Start.AddMinutes(1);
        await _scene.Store.Store.WriteAsync(s =>
        {
            for (var i = 0; i < entries; i++)
            {
                var kind = i % 10 == 9 ? TimelineKinds.Decision : TimelineKinds.Note;
                s.Incidents.Upsert(new TimelineEntry($"e{i:00000}", incident.Id, start.AddSeconds(i), kind, "bench", $"note {i}"));
            }

            return true;
        });
        return incident.Id;
    }
}
