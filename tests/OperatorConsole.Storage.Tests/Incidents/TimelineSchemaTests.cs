using LiteDB;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Incidents;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>The timeline's indexes: only the sort keys its reads use, so each entry writes no index page for nothing.</summary>
public sealed class TimelineSchemaTests
{
    [Fact]
    public void EnsureIndexes_FileWithIncidentIdIndex_DropsItAndKeepsTheSortKeys()
    {
        using var db = new LiteDatabase(new MemoryStream());
        var timeline = db.GetCollection(LiteSchema.Timeline);
        timeline.EnsureIndex(TimelineSchema.IncidentId);

        TimelineSchema.EnsureIndexes(timeline);

        var indexes = db.GetCollection("$indexes").Find(Query.EQ("collection", LiteSchema.Timeline)).Select(d => d["name"].AsString).ToList();
        Assert.DoesNotContain(TimelineSchema.IncidentId, indexes);
        Assert.Contains(TimelineSchema.Order, indexes);
        Assert.Contains(TimelineSchema.KindOrder, indexes);
    }
}
