using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>
/// INC-1000 and INC-10000 share a prefix; the data file's collation ignored control characters (before the ordinal
/// collation upgrade), so sort keys that joined an incident id to the rest with one put INC-10000's entries inside
/// INC-1000's range. Every read keeps them apart.
/// </summary>
public sealed class TimelineIncidentBoundaryTests : IDisposable
{
    private const string Short = "INC-1000";
    private const string Long = "INC-10000";

    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task TimelineReads_IncidentWhoseIdExtendsAnother_OnlyTheAskedIncidentsEntries()
    {
        await SeedAsync();

        AssertOnlyShortIncident();
    }

#if !POSTGRESQL // LiteDB file specific: drops the kept counts, writes the envelope of earlier versions by hand
    [Fact]
    public async Task TimelineCount_WithoutKeptCounts_CountsOnlyTheAskedIncident()
    {
        await SeedAsync();
        _scene.Store.Close();
        using (var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct"))
        {
            db.DropCollection(LiteSchema.TimelineCounts);
        }

        _scene.Store.Open();

        Assert.Equal((3, 2, 1), (Count(null), Count(TimelineKinds.Note), Count(TimelineKinds.Decision)));
    }

    [Fact]
    public async Task Open_EntriesWithTextSortKeys_RekeyedAndReadApart()
    {
        await SeedAsync();
        _scene.Store.Close();
        using (var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct"))
        {
            // The envelope up to this version: text keys incident \u001f ticks \u001f id (kindOrder with the kind after the
            // incident), indexed under the data file's collation.
            var timeline = db.GetCollection(LiteSchema.Timeline);
            foreach (var entry in timeline.FindAll().Select(JsonDocuments.Unwrap<TimelineEntry>).ToList())
            {
                timeline.Delete(entry.Id);
                timeline.Insert(TextEnvelope(entry));
            }

            foreach (var index in new[] { TimelineSchema.Order, TimelineSchema.KindOrder })
            {
                timeline.DropIndex(index);
            }

            timeline.EnsureIndex("order");
            timeline.EnsureIndex("kindOrder");
        }

        _scene.Store.Open();

        AssertOnlyShortIncident();
        _scene.Store.Close();
        using var reopened = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct");
        var names = reopened.GetCollection("$indexes").Find(Query.EQ("collection", LiteSchema.Timeline)).Select(d => d["name"].AsString).ToList();
        Assert.DoesNotContain("order", names);
        Assert.DoesNotContain("kindOrder", names);
        Assert.Equal(0, reopened.GetCollection(LiteSchema.Timeline).Count(Query.Not("order", BsonValue.Null)));
    }

    private static BsonDocument TextEnvelope(TimelineEntry entry)
    {
        string Key(string prefix) => $"{prefix}\u001f{entry.At.UtcTicks:D19}\u001f{entry.Id}";
        return JsonDocuments.Wrap(entry.Id, entry,
            ("incidentId", entry.IncidentId),
            ("at", entry.At.UtcTicks),
            ("kind", entry.Kind),
            ("pinned", entry.Pinned),
            ("order", Key(entry.IncidentId)),
            ("kindOrder", Key(entry.IncidentId + "\u001f" + entry.Kind)),
            ("pinnedOf", entry.Pinned ? entry.IncidentId : BsonValue.Null));
    }
#endif

    private int Count(string? kind) => _scene.Store.Store.Read(s => s.Incidents.TimelineCount(Short, kind));

    /// <summary>Three entries of INC-1000 (two notes, one decision), interleaved in time with ten of INC-10000 of both kinds.</summary>
    private Task SeedAsync() =>
        _scene.Store.Store.WriteAsync(s =>
        {
            var at = IncidentScene.Start;
            for (var i = 0; i < 10; i++)
            {
                s.Incidents.Add(new TimelineEntry($"long{i:00}", Long, at.AddSeconds(2 * i), i % 2 == 0 ? TimelineKinds.Note : TimelineKinds.Decision, "bench", $"long {i}"));
            }

            s.Incidents.Add(new TimelineEntry("short0", Short, at.AddSeconds(3), TimelineKinds.Note, "bench", "short 0"));
            s.Incidents.Add(new TimelineEntry("short1", Short, at.AddSeconds(7), TimelineKinds.Decision, "bench", "short 1"));
            s.Incidents.Add(new TimelineEntry("short2", Short, at.AddSeconds(11), TimelineKinds.Note, "bench", "short 2", Pinned: true));
            return true;
        });

    private void AssertOnlyShortIncident()
    {
        string[] all = ["short0", "short1", "short2"];
        var (whole, newest, older, newer, ofKinds, notes, pinned) = _scene.Store.Store.Read(s =>
        {
            var i = s.Incidents;
            var newest = i.TimelineBefore(Short, null, null, 2);
            return (
                i.Timeline(Short),
                newest,
                i.TimelineBefore(Short, null, TimelineCursor.Of(newest[^1]), 10),
                i.TimelineAfter(Short, null, TimelineCursor.Of(newest[^1]), 10),
                i.TimelineOfKinds(Short, [TimelineKinds.Note, TimelineKinds.Decision]),
                i.TimelineBefore(Short, TimelineKinds.Note, null, 10),
                i.PinnedTimeline(Short));
        });

        Assert.Equal(all, whole.Select(e => e.Id));
        Assert.Equal(["short2", "short1"], newest.Select(e => e.Id));
        Assert.Equal(["short0"], older.Select(e => e.Id));
        Assert.Equal(["short2"], newer.Select(e => e.Id));
        Assert.Equal(all, ofKinds.Select(e => e.Id));
        Assert.Equal(["short2", "short0"], notes.Select(e => e.Id));
        Assert.Equal(["short2"], pinned.Select(e => e.Id));
        Assert.Equal((3, 2, 1), (Count(null), Count(TimelineKinds.Note), Count(TimelineKinds.Decision)));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"long{i:00}"), _scene.Store.Store.Read(s => s.Incidents.Timeline(Long)).Select(e => e.Id));
    }
}
