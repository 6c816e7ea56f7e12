using System.Text.Json.Nodes;
using LiteDB;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.KillSwitches;

public sealed class KillSwitchHistoryMoveTests : IDisposable
{
    private const string Key = "ai-kill-switch";
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Open_SwitchWithHistoryInside_HistoryMovedOutAndPaged()
    {
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Key, null, "Narrows the AI lane", false));
        _store.Close();
        using (var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct"))
        {
            db.GetCollection(LiteSchema.KillSwitchHistory).DeleteAll();
            var switches = db.GetCollection(LiteSchema.KillSwitches);
            var doc = switches.FindById(KillSwitch.IdOf(Key, KillSwitch.GlobalScope));
            var json = JsonNode.Parse(doc["json"].AsString)!.AsObject();
            json["History"] = new JsonArray(
                JsonNode.Parse("""{"Version":1,"At":"2026-01-01T00:00:00+00:00","ActorName":"Ada Admin","Action":"created","On":false,"Reason":null}"""),
                JsonNode.Parse("""{"Version":2,"At":"2026-01-02T00:00:00+00:00","ActorName":"Omar On-call","Action":"flipped","On":true,"Reason":"from before the move"}"""));
            doc["json"] = json.ToJsonString();
            switches.Update(doc);
        }

        _store.Open();

        var page = _store.KillSwitches.History(Key, null, SwitchHistoryPaging.First);
        Assert.Equal(["from before the move", null], page.Entries.Select(e => e.Reason));
        _store.Close();
        using var check = new LiteDatabase($"Filename={_store.DataFile};Connection=direct");
        Assert.DoesNotContain("\"History\"", check.GetCollection(LiteSchema.KillSwitches).FindById($"{Key}@global")["json"].AsString, StringComparison.Ordinal);
    }
}
