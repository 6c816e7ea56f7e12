using System.Security.Cryptography;
using System.Text;
using LiteDB;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;
using Xunit.Abstractions;

namespace OperatorConsole.Storage.Tests.Tamper;

/// <summary>
/// The tamper suite over the data file: each case edits the LiteDB file of a stopped console directly, starts it
/// again, and must be caught by verify, the daily health check or the refusal of the edited record at use.
/// </summary>
public sealed class DataFileTamperTests(ITestOutputHelper output)
{
    private sealed record Case(string Name, Func<TamperScene, Task> Tamper, Func<TamperScene, Task<string?>> Caught);

    private static readonly Case[] Cases =
    [
        new("ledger entry field edited", s => Edit(s, db => SetField(db, 3, "actor", "mallory")), LedgerCaught),
        new("ledger entry payload edited and its own hash recomputed", s => Edit(s, db =>
        {
            SetField(db, 3, "payload", "{}");
            var doc = TamperScene.Ledger(db).FindById(3);
            doc["hash"] = LedgerHasher.ComputeHash(3, doc["timestamp"].AsString, doc["actor"].AsString, doc["action"].AsString,
                doc["subject"].AsString, doc["outcome"].AsString, "{}", doc["previousHash"].AsString);
            TamperScene.Ledger(db).Update(doc);
        }), LedgerCaught),
        new("ledger entry deleted from the middle", s => Edit(s, db => TamperScene.Ledger(db).Delete(4)), LedgerCaught),
        new("ledger entries reordered", s => Edit(s, db =>
        {
            var ledger = TamperScene.Ledger(db);
            var (a, b) = (ledger.FindById(4), ledger.FindById(5));
            (a["_id"], b["_id"]) = (5, 4);
            ledger.Delete(4);
            ledger.Delete(5);
            ledger.Insert(a);
            ledger.Insert(b);
        }), LedgerCaught),
        new("ledger tail truncated", s => Edit(s, db =>
        {
            var head = TamperScene.Ledger(db).Max("_id").AsInt64;
            TamperScene.Ledger(db).DeleteMany(Query.GT("_id", head - 3));
        }), LedgerCaught),
        new("forged entry appended with a valid hash", s => Edit(s, db =>
        {
            var ledger = TamperScene.Ledger(db);
            var head = ledger.FindById(ledger.Max("_id"));
            var forged = LedgerHasher.Link(
                new LedgerEntry(head["_id"].AsInt64, "", "", "", "", "", "", "", head["hash"].AsString),
                DateTimeOffset.UtcNow, "ada", "user.set-roles", "user:vera", LedgerOutcome.Allowed, "{}");
            ledger.Insert(new BsonDocument
            {
                ["_id"] = forged.Sequence, ["ts"] = forged.At.UtcDateTime, ["timestamp"] = forged.Timestamp, ["actor"] = forged.Actor,
                ["action"] = forged.Action, ["subject"] = forged.Subject, ["outcome"] = forged.Outcome, ["payload"] = forged.Payload,
                ["previousHash"] = forged.PreviousHash, ["hash"] = forged.Hash,
            });
        }), LedgerCaught),
        new("whole chain rewritten after an edit", s => Edit(s, db =>
        {
            SetField(db, 3, "actor", "mallory");
            TamperScene.Rehash(db, 3);
        }), LedgerCaught),
        new("entry field of the wrong type", s => Edit(s, db => SetField(db, 2, "actor", 42)), MalformedNamed),
        new("entry field removed", s => Edit(s, db =>
        {
            var doc = TamperScene.Ledger(db).FindById(2);
            doc.Remove("hash");
            TamperScene.Ledger(db).Update(doc);
        }), MalformedNamed),
        new("user's roles raised", s => Edit(s, db => TamperScene.EditRecord(db, LiteSchema.Users, "vera", j => j["Roles"] = "Admin")),
            s => UserRefused(s, "vera", TamperScene.Password)),
        new("user's password hash replaced", s => Edit(s, db => TamperScene.EditRecord(db, LiteSchema.Users, "omar",
            j => j["PasswordHash"] = new Sha256PasswordHashing().Hash("mallory-knows-this"))),
            s => UserRefused(s, "omar", "mallory-knows-this")),
        new("API key's roles raised", s => Edit(s, db => TamperScene.EditRecord(db, LiteSchema.ApiKeys, s.Key.Key.Id, j => j["Roles"] = "Admin")),
            s => KeyRefused(s, s.Key.Secret)),
        new("API key's hash replaced by one for a known secret", s => Edit(s, db => TamperScene.EditRecord(db, LiteSchema.ApiKeys, s.Key.Key.Id,
            j => j["SecretHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("known"))))),
            s => KeyRefused(s, $"oc_{s.Key.Key.Id}_known")),
        new("revoked API key restored", async s =>
        {
            await s.Store.ApiKeys.RevokeAsync(TestActors.Admin, s.Key.Key.Id);
            await Edit(s, db => TamperScene.EditRecord(db, LiteSchema.ApiKeys, s.Key.Key.Id, j => j.Remove("RevokedAt")));
        }, s => KeyRefused(s, s.Key.Secret)),
        new("guarded-action policy's four-eyes turned off", s => Edit(s, db => TamperScene.EditRecord(
            db, LiteSchema.GuardedPolicies, GuardedActionTypes.ResetFailureStatus, j => j["FourEyes"] = false)), PolicyIgnored),
        new("data file and checkpoint log rolled back together", RollBack, RolledBackCaughtByExportedCheckpoints),
    ];

    [Fact]
    public async Task TamperSuite_EveryDataFileMutation_IsCaught()
    {
        var missed = new List<string>();
        foreach (var c in Cases)
        {
            using var scene = await TamperScene.CreateAsync();
            await c.Tamper(scene);
            var how = await c.Caught(scene);
            output.WriteLine(how is null ? $"MISSED  {c.Name}" : $"caught  {c.Name}: {how}");
            if (how is null)
            {
                missed.Add(c.Name);
            }
        }

        output.WriteLine($"Data file tamper suite: tried {Cases.Length}, caught {Cases.Length - missed.Count}.");
        Assert.Empty(missed);
    }

    private static Task Edit(TamperScene s, Action<LiteDatabase> edit)
    {
        s.EditFile(edit);
        return Task.CompletedTask;
    }

    private static void SetField(LiteDatabase db, long sequence, string field, BsonValue value)
    {
        var doc = TamperScene.Ledger(db).FindById(sequence);
        doc[field] = value;
        TamperScene.Ledger(db).Update(doc);
    }

    private static Task<string?> LedgerCaught(TamperScene s)
    {
        var v = s.Store.Audit.Verify();
        return Task.FromResult(v.IsValid ? null : $"verify: {v.Problem}");
    }

    /// <summary>Verify, the health check and the export all answer, and name the entry.</summary>
    private static async Task<string?> MalformedNamed(TamperScene s)
    {
        var v = s.Store.Audit.Verify();
        var health = s.Store.Audit.RunDailyHealthCheck();
        var export = await s.Store.ExportLedgerAsync();
        var named = v.Problem?.StartsWith("Entry 2: the stored entry is malformed", StringComparison.Ordinal) == true
            && !health.LedgerIntegrity.Passed && export.Entries.Any(e => e.Defect is not null);
        return named ? $"verify, health check and export name it: {v.Problem}" : null;
    }

    private static async Task<string?> UserRefused(TamperScene s, string user, string password)
    {
        var signedIn = await s.Store.Users.SignInAsync(user, password);
        var health = s.Store.Audit.RunDailyHealthCheck().SecurityRecords;
        return signedIn is null && !health.Passed ? $"sign-in refused; health check: {health.Problems[0]}" : null;
    }

    private static Task<string?> KeyRefused(TamperScene s, string presented)
    {
        var actor = s.Store.ApiKeys.Authenticate(presented);
        var health = s.Store.Audit.RunDailyHealthCheck().SecurityRecords;
        return Task.FromResult(actor is null && !health.Passed ? $"key refused; health check: {health.Problems[0]}" : null);
    }

    private static Task<string?> PolicyIgnored(TamperScene s)
    {
        var policy = s.Store.GuardedActions.Policies().Single(p => p.ActionType == GuardedActionTypes.ResetFailureStatus);
        var health = s.Store.Audit.RunDailyHealthCheck().SecurityRecords;
        return Task.FromResult(policy.FourEyes && !health.Passed ? $"edited choice ignored (four-eyes kept); health check: {health.Problems[0]}" : null);
    }

    /// <summary>Copies both files, lets the console work on, keeps an export of its checkpoints, then restores the copies.</summary>
    private static async Task RollBack(TamperScene s)
    {
        s.Store.Close();
        var data = File.ReadAllBytes(s.Store.DataFile);
        var log = File.ReadAllBytes(s.Store.Checkpoints.File);
        s.Store.Open();
        await s.Store.Incidents.AddNoteAsync(TestActors.Omar, s.Incident.Id, "written after the copy");
        await s.Store.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        var kept = s.Store.Audit.Checkpoints();
        s.Store.Close();
        File.WriteAllBytes(s.Store.DataFile, data);
        File.WriteAllBytes(s.Store.Checkpoints.File, log);
        s.Store.Open();
        s.KeptOutside = kept;
    }

    /// <summary>The console's own files agree with each other again; the checkpoints a third party kept do not.</summary>
    private static Task<string?> RolledBackCaughtByExportedCheckpoints(TamperScene s)
    {
        var v = LedgerVerifier.Verify(s.Store.Ledger, s.KeptOutside!.Checkpoints, s.Store.CheckpointKey);
        return Task.FromResult(v.IsValid ? null : $"checkpoints kept outside: {v.Problem}");
    }
}
