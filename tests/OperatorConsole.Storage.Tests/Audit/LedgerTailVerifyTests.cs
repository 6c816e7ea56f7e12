using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Audit;

/// <summary>
/// Verify checks only the tail added since the last clean verify, from the (sequence, hash) it remembered; anything it
/// cannot stand on makes it verify the whole chain. Entries are altered in the running store's own file, between writes.
/// </summary>
public sealed class LedgerTailVerifyTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Verify_EntriesAddedSinceLastVerify_AgreesWithFullVerify()
    {
        await RecordAsync(5);
        Assert.True(_store.Audit.Verify().IsValid);
        await _store.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        await RecordAsync(7);

        var tail = _store.Audit.Verify();
        var full = _store.Audit.VerifyAll();

        Assert.True(tail.IsValid, tail.Problem);
        Assert.Equal(full, tail with { Problems = full.Problems });
        Assert.Equal(_store.Audit.Head()!.Sequence, tail.EntryCount);
    }

    [Fact]
    public async Task Verify_EntryInTailAlteredAfterLastVerify_IsCaught()
    {
        await RecordAsync(3);
        Assert.True(_store.Audit.Verify().IsValid);
        await RecordAsync(3);
        var altered = _store.Audit.Head()!.Sequence - 1;

        await AlterActorAsync(altered);
        var v = _store.Audit.Verify();

        Assert.False(v.IsValid);
        Assert.Equal(altered, v.FirstBrokenSequence);
    }

    [Fact]
    public async Task Verify_EntryItLastEndedAtAltered_VerifiesWholeChainAndCatchesIt()
    {
        await RecordAsync(3);
        var endedAt = _store.Audit.Verify().EntryCount;
        await RecordAsync(2);

        await AlterActorAsync(endedAt);
        var v = _store.Audit.Verify();

        Assert.False(v.IsValid);
        Assert.Equal(endedAt, v.FirstBrokenSequence);
    }

    [Fact]
    public async Task VerifyAll_EntryBeforeLastVerifiedTailAltered_IsCaught()
    {
        await RecordAsync(4);
        Assert.True(_store.Audit.Verify().IsValid);

        await AlterActorAsync(2);
        var v = _store.Audit.VerifyAll();

        Assert.False(v.IsValid);
        Assert.Equal(2, v.FirstBrokenSequence);
    }

    private async Task RecordAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _store.Changes.RunAsync(TestActors.Omar, c => c.Record("run.start", $"run:{i}", new { }));
        }
    }

#if POSTGRESQL
    private async Task<bool> AlterActorAsync(long sequence)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_store.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("UPDATE ledger SET actor = 'mallory' WHERE sequence = @sequence", connection);
        command.Parameters.AddWithValue("sequence", sequence);
        return await command.ExecuteNonQueryAsync() == 1;
    }
#else
    private Task<bool> AlterActorAsync(long sequence) => _store.Store.BetweenTransactionsAsync(open =>
    {
        var ledger = open.Db.GetCollection(LiteSchema.Ledger);
        var doc = ledger.FindById(sequence);
        doc["actor"] = "mallory";
        return ledger.Update(doc);
    });
#endif
}
