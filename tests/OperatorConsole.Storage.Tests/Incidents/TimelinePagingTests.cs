using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>A timeline of 10,000 entries read in pages, newest first, straight from the index.</summary>
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

        var page = _scene.Incidents.TimelinePage(id, kind: null, skip: 0, take: PageSize);

        Assert.Equal(Enumerable.Range(0, PageSize).Select(i => $"note {Entries - 1 - i}"), page.Select(e => e.Text));
        Assert.Equal(Entries + 1, _scene.Incidents.TimelineCount(id));
    }

    [Fact]
    public async Task TimelinePage_MiddlePage_ContinuesWhereThePreviousEnded()
    {
        var id = await SeedAsync();

        var page = _scene.Incidents.TimelinePage(id, kind: null, skip: 100 * PageSize, take: PageSize);

        var first = Entries - 1 - (100 * PageSize);
        Assert.Equal(Enumerable.Range(0, PageSize).Select(i => $"note {first - i}"), page.Select(e => e.Text));
        Assert.True(page.Zip(page.Skip(1)).All(p => p.First.At > p.Second.At));
    }

    [Fact]
    public async Task TimelinePage_LastPage_EndsWithTheOpeningEntry()
    {
        var id = await SeedAsync();

        var page = _scene.Incidents.TimelinePage(id, kind: null, skip: Entries - 1, take: PageSize);

        Assert.Equal(["note 0", "Opened as SEV-2 Bad publish"], page.Select(e => e.Text));
    }

    [Fact]
    public async Task TimelinePage_KindFilter_OnlyThatKindAndItsCount()
    {
        var id = await SeedAsync();

        var decisions = _scene.Incidents.TimelinePage(id, TimelineKinds.Decision, skip: 0, take: PageSize);
        var statuses = _scene.Incidents.TimelinePage(id, TimelineKinds.Status, skip: 0, take: PageSize);

        Assert.Equal(Entries / 10, _scene.Incidents.TimelineCount(id, TimelineKinds.Decision));
        Assert.Equal(PageSize, decisions.Count);
        Assert.All(decisions, e => Assert.Equal(TimelineKinds.Decision, e.Kind));
        Assert.Equal(["note 9999", "note 9989", "note 9979"], decisions.Take(3).Select(e => e.Text));
        Assert.Equal(TimelineKinds.Status, Assert.Single(statuses).Kind);
        Assert.Equal(1, _scene.Incidents.TimelineCount(id, TimelineKinds.Status));
    }

    [Fact]
    public async Task TimelinePage_OtherIncidentHasEntries_ReturnsOnlyThisIncidents()
    {
        var id = await SeedAsync();
        var other = await _scene.OpenAsync();
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, other.Id, "belongs to the other");

        var page = _scene.Incidents.TimelinePage(id, kind: null, skip: 0, take: PageSize);
        var otherPage = _scene.Incidents.TimelinePage(other.Id, kind: null, skip: 0, take: PageSize);

        Assert.All(page, e => Assert.Equal(id, e.IncidentId));
        Assert.Equal(["belongs to the other", "Opened as SEV-2 Bad publish"], otherPage.Select(e => e.Text));
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

        var page = _scene.Incidents.TimelinePage(incident.Id, TimelineKinds.Note, skip: 0, take: PageSize);
        var whole = _scene.Incidents.Timeline(incident.Id);

        Assert.Equal(Enumerable.Range(0, 20).Reverse().Select(i => $"same instant {i}"), page.Select(e => e.Text));
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
        _scene.Store.Reopen();

        var page = _scene.Store.Incidents.TimelinePage(id, kind: null, skip: PageSize, take: PageSize);

        Assert.Equal(Enumerable.Range(0, PageSize).Select(i => $"note {119 - PageSize - i}"), page.Select(e => e.Text));
    }

#if !POSTGRESQL // LiteDB file specific: edits the file, reads its query plan
    [Fact]
    public async Task Open_EntriesWrittenBeforeSortKeys_BackfilledAndPaged()
    {
        var incident = await _scene.OpenAsync();
        _scene.Store.Close();
        using (var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct"))
        {
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

        Assert.Equal(["from before paging", "Opened as SEV-2 Bad publish"], _scene.Store.Incidents.TimelinePage(incident.Id, null, 0, PageSize).Select(e => e.Text));
        Assert.Equal(1, _scene.Store.Incidents.TimelineCount(incident.Id, TimelineKinds.Note));
    }
#endif

#if !POSTGRESQL // LiteDB file specific: edits the file, reads its query plan
    [Theory]
    [InlineData(null, TimelineSchema.Order)]
    [InlineData(TimelineKinds.Note, TimelineSchema.KindOrder)]
    public async Task TimelinePage_QueryPlan_SkipsOverTheSortKeyIndexWithoutLoadingDocuments(string? kind, string index)
    {
        var id = await SeedAsync(entries: 10);
        _scene.Store.Close();
        using var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct");
        var prefix = (kind is null ? id : TimelineSchema.Prefix(id, kind)) + TimelineSchema.Separator;

        var plan = db.GetCollection(LiteSchema.Timeline).Query()
            .Where(Query.Between(index, prefix, prefix + char.MaxValue))
            .OrderByDescending(index)
            .Select(index)
            .Skip(5)
            .Limit(PageSize)
            .GetPlan();

        Assert.Equal((index, -1, "index"), (plan["index"]["name"].AsString, plan["index"]["order"].AsInt32, plan["lookup"]["loader"].AsString));
        Assert.StartsWith($"INDEX RANGE SCAN({index} BETWEEN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.False(plan.ContainsKey("orderBy"));
    }
#endif

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
