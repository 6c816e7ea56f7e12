using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;
using OperatorConsole.Storage.Tests.Tamper;

namespace OperatorConsole.Storage.Tests.Audit;

/// <summary>Records stored before they cited their ledger entry: adopted once, as they stand, and protected from then on.</summary>
public sealed class SecurityRecordAdoptionTests
{
    [Fact]
    public async Task Adopt_StoreFromBeforeReferences_UserSignsInAgainAndAdoptionIsLedgered()
    {
        using var store = new TestStore();
        await store.Users.CreateAsync(TestActors.Admin, "vera", "Vera Viewer", TamperScene.Password, Core.Common.Role.Viewer);
        store.Close();
        using (var db = new LiteDB.LiteDatabase($"Filename={store.DataFile};Connection=direct"))
        {
            // As an older console wrote it: no reference on the record, no digest in the entry.
            TamperScene.EditRecord(db, LiteSchema.Users, "vera", j => j.Remove("LedgerSequence"));
            var entry = TamperScene.Ledger(db).FindById(1);
            entry["payload"] = "{}";
            TamperScene.Ledger(db).Update(entry);
            TamperScene.Rehash(db, 1);
        }

        File.Delete(store.Checkpoints.File);
        store.Open();
        var refusedBefore = await store.Users.SignInAsync("vera", TamperScene.Password);

        var adopted = await store.Audit.AdoptUnreferencedSecurityRecordsAsync();

        Assert.Null(refusedBefore);
        Assert.Equal(1, adopted);
        Assert.NotNull(await store.Users.SignInAsync("vera", TamperScene.Password));
        Assert.Contains(store.Ledger, e => e.Action == SecurityRecords.AdoptAction && e.Subject == "user:vera");
    }

    [Fact]
    public async Task Adopt_ReferenceStrippedInTheFileOfACurrentStore_AdoptsNothingAndStaysRefused()
    {
        using var scene = await TamperScene.CreateAsync();
        scene.EditFile(db => TamperScene.EditRecord(db, LiteSchema.Users, "vera", j =>
        {
            j.Remove("LedgerSequence");
            j["Roles"] = "Admin";
        }));

        var adopted = await scene.Store.Audit.AdoptUnreferencedSecurityRecordsAsync();

        Assert.Equal(0, adopted);
        Assert.Null(await scene.Store.Users.SignInAsync("vera", TamperScene.Password));
    }
}
