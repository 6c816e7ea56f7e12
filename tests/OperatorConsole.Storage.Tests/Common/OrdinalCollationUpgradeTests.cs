using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Evidence;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>
/// The LiteDB file's collation: new files compare ordinally, and a file made under LiteDB's default collation (which
/// ignores case) is copied into an ordinal one at open, losing nothing (see <see cref="OrdinalCollationUpgrade"/>).
/// </summary>
public sealed class OrdinalCollationUpgradeTests : IDisposable
{
    private readonly List<string> _opened = [];
    private readonly TestStore _store;

    public OrdinalCollationUpgradeTests() => _store = new TestStore(openFile: path =>
    {
        lock (_opened)
        {
            _opened.Add(path);
        }

        return DurableFileStream.Open(path);
    });

    private string Copy => OrdinalCollationUpgrade.TemporaryFileFor(_store.DataFile);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Open_NewFile_ComparesOrdinally()
    {
        var (options, ids) = await _store.Store.BetweenTransactionsAsync(db =>
        {
            var scratch = db.Db.GetCollection(LiteSchema.Meta);
            scratch.Insert(new[] { "ab", "a\u001fb", "Ab", "B" }.Select(id => new BsonDocument { ["_id"] = id }));
            return (db.Db.Collation.SortOptions, scratch.Find(Query.All()).Select(d => d["_id"].AsString).Where(id => id.Length <= 3).ToList());
        });

        Assert.Equal(CompareOptions.Ordinal, options);
        Assert.Equal(["Ab", "B", "a\u001fb", "ab"], ids);
    }

    [Fact]
    public async Task Open_FileWithDefaultCollation_UpgradedKeepingEveryDocumentIndexAndStoredFile()
    {
        await FillAsync();
        MakeDefaultCollation();
        var before = Contents();

        OpenAndClose();

        Assert.Equal(CompareOptions.Ordinal, CollationOfFile().SortOptions);
        AssertSameContents(before, Contents());
        Assert.False(File.Exists(Copy));
    }

    [Fact]
    public async Task Open_UpgradedFile_IdsDifferingOnlyInCaseAreDistinctAndStoredFilesReadable()
    {
        var (incident, attachment) = await FillAsync();
        MakeDefaultCollation();

        _store.Open();

        await _store.Scopes.CreateAsync(TestActors.Rita, new ScopeDefinition(ScopeScene.ScopeId, "Lower porto", null, false, null, null, null));
        Assert.Equal(["Porto", ScopeScene.ScopeId], _store.Scopes.List().Select(s => s.Id));
        Assert.Equal(EvidenceTestData.LogExcerpt, _store.Evidence.Open(incident, attachment).Content);
    }

    [Fact]
    public async Task Open_FileWhoseDocumentsLackTheirKeys_CopyAddsThemAndOpenRewritesNothing()
    {
        await _store.UpsertAlertsAsync(TestAlerts.Firing("a1", DateTimeOffset.UnixEpoch));
        await FillAsync();
        WriteDocumentsWithoutKeys();
        MakeDefaultCollation();

        using var opened = OpenDatabase.Open(_store.DataFile, DurableFileStream.Open);

        Assert.Equal(0, new FileInfo(LiteConsoleStore.LogFileFor(_store.DataFile)).Length);
        foreach (var rekey in LiteSchema.Rekeys)
        {
            var collection = opened.Db.GetCollection(rekey.Collection);
            Assert.NotEqual(0, collection.Count());
            Assert.Equal(0, collection.Count(Query.EQ(rekey.Field, BsonValue.Null)));
            Assert.Empty(IndexNames(opened.Db, rekey.Collection).Intersect(rekey.Unread));
        }
    }

    [Fact]
    public async Task Open_LeftoverCopyOfAnInterruptedUpgrade_RemovedAndTheUpgradeRedone()
    {
        await FillAsync();
        MakeDefaultCollation();
        var before = Contents();
        File.WriteAllBytes(Copy, new byte[8192 * 3]);

        OpenAndClose();

        Assert.Equal(CompareOptions.Ordinal, CollationOfFile().SortOptions);
        AssertSameContents(before, Contents());
        Assert.False(File.Exists(Copy));
    }

    [Fact]
    public async Task Open_DiskFullDuringTheCopy_CopyRemovedOldFileKeptWholeAndTheNextOpenUpgrades()
    {
        await FillAsync();
        MakeDefaultCollation();
        var before = Contents();
        var full = new FillableDisk { Full = true };

        Assert.Throws<StoreUnavailableException>(() => new LiteConsoleStore(_store.DataFile, path =>
            path == Copy ? full.Open(path) : DurableFileStream.Open(path)));

        Assert.False(File.Exists(Copy));
        Assert.NotEqual(CompareOptions.Ordinal, CollationOfFile().SortOptions);
        AssertSameContents(before, Contents());
        OpenAndClose();
        Assert.Equal(CompareOptions.Ordinal, CollationOfFile().SortOptions);
        AssertSameContents(before, Contents());
    }

    [Fact]
    public async Task Reopen_AlreadyUpgradedFile_CopiesNothing()
    {
        await FillAsync();
        MakeDefaultCollation();
        _store.Open();
        Assert.Contains(Copy, _opened);
        _opened.Clear();

        _store.Reopen();

        Assert.DoesNotContain(Copy, _opened);
        Assert.Contains(_store.DataFile, _opened);
    }

    private static void AssertSameContents(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (collection, documents) in expected)
        {
            Assert.Equal(documents, actual[collection]);
        }
    }

    /// <summary>Opens the store on the file and closes it again, writing nothing of its own.</summary>
    private void OpenAndClose() => new LiteConsoleStore(_store.DataFile).Dispose();

    /// <summary>Records in several collections, mixed-case ids, a stored file, and the store's indexes.</summary>
    private async Task<(string Incident, string Attachment)> FillAsync()
    {
        await _store.Scopes.CreateAsync(TestActors.Rita, new ScopeDefinition("Porto", "Upper Porto", null, false, null, null, null));
        await _store.Scopes.RegisterManifestAsync(TestActors.Rita, "Porto", ScopeScene.Input("Porto-v1"));
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("ai-switch", "Porto", "Upper Porto only", false));
        var (incident, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);
        _store.Close();
        return (incident.Id, attachment.Id);
    }

    /// <summary>Rebuilds the closed file under LiteDB's default collation, as every file made before the upgrade has.</summary>
    private void MakeDefaultCollation()
    {
        using (var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct"))
        {
            db.Rebuild(new RebuildOptions { Collation = Collation.Default });
        }

        Assert.NotEqual(CompareOptions.Ordinal, CollationOfFile().SortOptions);
    }

    /// <summary>Removes the keys that earlier versions' documents lack and indexes what those versions indexed instead.</summary>
    private void WriteDocumentsWithoutKeys()
    {
        using var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct");
        foreach (var rekey in LiteSchema.Rekeys)
        {
            var collection = db.GetCollection(rekey.Collection);
            collection.DropIndex(rekey.Field);
            foreach (var doc in collection.FindAll().ToList())
            {
                doc.Remove(rekey.Field);
                collection.Update(doc);
            }

            foreach (var index in rekey.Unread)
            {
                collection.EnsureIndex(index);
            }
        }
    }

    private static IEnumerable<string> IndexNames(ILiteDatabase db, string collection) =>
        db.GetCollection("$indexes").Find(Query.EQ("collection", collection)).Select(d => d["name"].AsString);

    private Collation CollationOfFile()
    {
        using var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct");
        return db.Collation;
    }

    /// <summary>Every collection's documents and index definitions, as JSON in ordinal order (the two collations order ids differently).</summary>
    private Dictionary<string, List<string>> Contents()
    {
        using var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct");
        var contents = db.GetCollectionNames().ToDictionary(
            name => name,
            name => db.GetCollection(name).FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal).ToList());
        contents["$indexes"] = [.. db.GetCollection("$indexes").FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal)];
        return contents;
    }
}
