using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.KillSwitches;

/// <summary>
/// Data files written before history left the switch record hold each switch's history inside it. On open, each such
/// line is copied to the history collection (upserted, so a run cut short repeats safely), and only then is the
/// history removed from the switch, so no line is ever in neither place.
/// </summary>
internal static class KillSwitchHistoryMove
{
    private const string EmbeddedHistory = "History";

    public static void Run(ILiteDatabase db)
    {
        var switches = db.GetCollection(LiteSchema.KillSwitches);
        var history = db.GetCollection(LiteSchema.KillSwitchHistory);
        foreach (var doc in switches.FindAll().ToList())
        {
            if (JsonNode.Parse(doc["json"].AsString) is not JsonObject json || !json.ContainsKey(EmbeddedHistory))
            {
                continue;
            }

            var switchId = doc["_id"].AsString;
            foreach (var line in json[EmbeddedHistory]?.AsArray() ?? [])
            {
                var entry = line.Deserialize<SwitchHistoryEntry>() ?? throw new InvalidDataException($"Switch {switchId} holds an empty history line.");
                history.Upsert(LiteKillSwitchRepository.HistoryDocument(switchId, entry));
            }

            json.Remove(EmbeddedHistory);
            doc["json"] = json.ToJsonString();
            switches.Update(doc);
        }
    }
}
