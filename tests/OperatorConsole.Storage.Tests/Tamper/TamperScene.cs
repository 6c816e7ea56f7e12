using System.Text.Json.Nodes;
using LiteDB;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Evidence;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Tamper;

/// <summary>
/// A console with users, an API key, a guarded-action policy, an incident and a sealed ledger, and a way to edit its
/// LiteDB file directly while it is stopped, as someone holding the file (or a backup of it) could.
/// </summary>
internal sealed class TamperScene : IDisposable
{
    public const string Password = "correct-horse-1";

    private TamperScene(TestStore store) => Store = store;

    public TestStore Store { get; }

    public CreatedApiKey Key { get; private set; } = null!;

    public Incident Incident { get; private set; } = null!;

    /// <summary>Checkpoints a third party exported earlier, for the rollback case.</summary>
    public CheckpointExport? KeptOutside { get; set; }

    public static async Task<TamperScene> CreateAsync()
    {
        var scene = new TamperScene(new TestStore());
        var s = scene.Store;
        await s.Users.CreateAsync(TestActors.Admin, "vera", "Vera Viewer", Password, Role.Viewer);
        await s.Users.CreateAsync(TestActors.Admin, "omar", "Omar On-call", Password, Role.OnCall);
        scene.Key = await s.ApiKeys.CreateAsync(TestActors.Admin, "ci", Role.Viewer);
        await s.GuardedActions.SetFourEyesAsync(TestActors.Admin, GuardedActionTypes.ResetFailureStatus, fourEyes: true);
        scene.Incident = await EvidenceTestData.OpenIncidentAsync(s);
        await s.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        for (var i = 0; i < 4; i++)
        {
            await s.Incidents.AddNoteAsync(TestActors.Omar, scene.Incident.Id, $"note {i}");
        }

        return scene;
    }

    /// <summary>Stops the console (it seals on the way out), edits the file, and starts it again (it seals on the way in).</summary>
    public void EditFile(Action<LiteDatabase> edit)
    {
        Store.Close();
        using (var db = new LiteDatabase($"Filename={Store.DataFile};Connection=direct"))
        {
            edit(db);
        }

        Store.Open();
    }

    public static ILiteCollection<BsonDocument> Ledger(LiteDatabase db) => db.GetCollection(LiteSchema.Ledger);

    /// <summary>Rewrites one stored JSON record (users, API keys, policies keep their record as JSON in a "json" field).</summary>
    public static void EditRecord(LiteDatabase db, string collection, BsonValue id, Action<JsonObject> edit)
    {
        var docs = db.GetCollection(collection);
        var doc = docs.FindById(id);
        var json = JsonNode.Parse(doc["json"].AsString)!.AsObject();
        edit(json);
        doc["json"] = json.ToJsonString();
        docs.Update(doc);
    }

    /// <summary>Recomputes every hash from <paramref name="fromSequence"/> on, so the chain links again after an edit.</summary>
    public static void Rehash(LiteDatabase db, long fromSequence)
    {
        var ledger = Ledger(db);
        var previous = fromSequence == 1 ? LedgerHasher.GenesisHash : ledger.FindById(fromSequence - 1)["hash"].AsString;
        foreach (var doc in ledger.Find(Query.GTE("_id", fromSequence)).ToList())
        {
            doc["previousHash"] = previous;
            doc["hash"] = LedgerHasher.ComputeHash(
                doc["_id"].AsInt64, doc["timestamp"].AsString, doc["actor"].AsString, doc["action"].AsString,
                doc["subject"].AsString, doc["outcome"].AsString, doc["payload"].AsString, previous);
            previous = doc["hash"].AsString;
            ledger.Update(doc);
        }
    }

    public long Head => Store.Ledger[^1].Sequence;

    public void Dispose() => Store.Dispose();
}
