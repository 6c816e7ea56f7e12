using OperatorConsole.Core.Alerts;
using OperatorConsole.Storage.Tests.Shared;
#if !POSTGRESQL
using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Alerts;
using OperatorConsole.Storage.Common;
#endif

namespace OperatorConsole.Storage.Tests.Alerts;

/// <summary>A route's alerts newest first, as the join of a new alert reads them: one route only, in receipt order, across many pages.</summary>
public sealed class AlertRouteTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 20, 0, 0, TimeSpan.Zero);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task ByRoute_ManyAlertsWrittenOutOfOrder_NewestFirstAcrossPages()
    {
        // More alerts than the first pages together hold, written in a shuffled order so insertion order proves nothing.
        var seconds = Enumerable.Range(0, 700).OrderBy(i => (i * 7919) % 700).ToList();
        await WriteAsync([.. seconds.Select(i => Alert($"a{i:0000}", "porto", Start.AddSeconds(i)))]);

        var read = Read("porto");

        Assert.Equal(Enumerable.Range(0, 700).Reverse().Select(i => $"a{i:0000}"), read);
    }

    [Fact]
    public async Task ByRoute_OtherRoutesAndUnrouted_NotMixedIn()
    {
        // "porto-2" begins with "porto": its alerts are newer, older and between this route's.
        await WriteAsync(
            Alert("p1", "porto", Start.AddSeconds(1)),
            Alert("x0", "porto-2", Start),
            Alert("x2", "porto-2", Start.AddSeconds(2)),
            Alert("p3", "porto", Start.AddSeconds(3)),
            Alert("x4", "porto-2", Start.AddSeconds(4)),
            Alert("y2", "porto", Start.AddSeconds(2), ruleId: "other-rule"),
            Alert("u2", null, Start.AddSeconds(2), ruleId: null));

        Assert.Equal(["p3", "p1"], Read("porto"));
        Assert.Equal(["x4", "x2", "x0"], Read("porto-2"));
        Assert.Empty(_store.Store.Read(s => s.Alerts.ByRoute(AlertRecord.RouteKeyOf("rule", "port")).ToList()));
    }

    [Fact]
    public async Task ByRoute_SameReceiptTime_ByIdDescendingAcrossPages()
    {
        await WriteAsync([
            Alert("b", "porto", Start.AddSeconds(2)),
            .. Enumerable.Range(0, 20).Select(i => Alert($"t{i:00}", "porto", Start.AddSeconds(1))),
            Alert("a", "porto", Start)]);

        Assert.Equal(["b", .. Enumerable.Range(0, 20).Reverse().Select(i => $"t{i:00}"), "a"], Read("porto"));
    }

    [Fact]
    public async Task ByRoute_AlertUpdated_KeepsItsPlace()
    {
        await WriteAsync(Alert("p1", "porto", Start.AddSeconds(1)), Alert("p2", "porto", Start.AddSeconds(2)));

        await WriteAsync(Alert("p1", "porto", Start.AddSeconds(1)) with { Status = IncomingAlert.Resolved, IncidentId = "INC-0001" });

        Assert.Equal(["p2", "p1"], Read("porto"));
    }

#if !POSTGRESQL // LiteDB file specific: edits the file, reads its query plan
    [Fact]
    public async Task Open_AlertsWrittenBeforeRouteOrder_KeyedAndJoined()
    {
        await _store.AlertRules.CreateAsync(TestActors.Admin, new AlertRuleDraft("Switch rule", "SwitchFlipped", [], IncidentClass.StalePackBreach,
            IncidentSeverity.Sev2, "Check the switch", null, "scope", AlertRuleMode.JoinOpen, false));
        var first = await SendAsync(startMinute: 0);
        await SendAsync(startMinute: 1);
        _store.Close();
        using (var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct"))
        {
            // The envelope as it was: the route key indexed, no route order.
            var alerts = db.GetCollection(LiteSchema.Alerts);
            alerts.DropIndex(AlertRouteOrder.Field);
            foreach (var doc in alerts.FindAll().ToList())
            {
                var alert = JsonDocuments.Unwrap<AlertRecord>(doc);
                alerts.Update(JsonDocuments.Wrap(alert.Id, alert, ("receivedAt", alert.ReceivedAt.UtcDateTime), ("routeKey", alert.RouteKey ?? string.Empty),
                    ("incidentId", alert.IncidentId ?? string.Empty), ("routed", alert.IsRouted)));
            }

            alerts.EnsureIndex("routeKey");
            Assert.Equal(0, alerts.Count(Query.Not(AlertRouteOrder.Field, BsonValue.Null)));
        }

        _store.Open();

        var third = await SendAsync(startMinute: 2);
        Assert.Equal(first.OpenedIncidents, third.JoinedIncidents);
        var routeKey = _store.Store.Read(s => s.Alerts.Recent(1).Single().RouteKey!);
        Assert.Equal(3, _store.Store.Read(s => s.Alerts.ByRoute(routeKey).Count()));
        _store.Close();
        using var upgraded = new LiteDatabase($"Filename={_store.DataFile};Connection=direct");
        Assert.DoesNotContain("routeKey", upgraded.GetCollection("$indexes").Find(Query.EQ("collection", LiteSchema.Alerts)).Select(d => d["name"].AsString));
    }

    [Fact]
    public async Task ByRoute_QueryPlan_SeeksTheRouteOrderIndexNewestFirst()
    {
        await WriteAsync(Alert("p1", "porto", Start));
        _store.Close();
        using var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct");
        var prefix = AlertRouteOrder.Prefix(AlertRecord.RouteKeyOf("rule", "porto"));

        var plan = db.GetCollection(LiteSchema.Alerts).Query()
            .Where(Query.Between(AlertRouteOrder.Field, prefix, ByteSortKey.End(prefix)))
            .OrderByDescending(AlertRouteOrder.Field)
            .Limit(2)
            .GetPlan();

        Assert.Equal((AlertRouteOrder.Field, -1), (plan["index"]["name"].AsString, plan["index"]["order"].AsInt32));
        Assert.StartsWith($"INDEX RANGE SCAN({AlertRouteOrder.Field} BETWEEN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        Assert.False(plan.ContainsKey("orderBy"));
    }

    private Task<IntakeResult> SendAsync(int startMinute)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "SwitchFlipped", ["scope"] = "global" };
        return _store.AlertIntake.RouteAsync(TestActors.Omar, "console", () =>
            [new IncomingAlert(IncomingAlert.Firing, labels, new Dictionary<string, string>(), Start.AddMinutes(startMinute), null, null, IncomingAlerts.Fingerprint(labels))]);
    }
#endif

    private static AlertRecord Alert(string id, string? scope, DateTimeOffset receivedAt, string? ruleId = "rule") =>
        TestAlerts.Firing(id, receivedAt) with { RuleId = ruleId, Scope = scope };

    private Task WriteAsync(params AlertRecord[] alerts) => _store.UpsertAlertsAsync(alerts);

    private List<string> Read(string scope) =>
        _store.Store.Read(s => s.Alerts.ByRoute(AlertRecord.RouteKeyOf("rule", scope)).Select(a => a.Id).ToList());
}
