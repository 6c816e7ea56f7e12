using Npgsql;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.PostgreSql.Common;
using OperatorConsole.Storage.Tests.Shared;
using OperatorConsole.Testing.PostgreSql;

namespace OperatorConsole.Storage.PostgreSql.Tests.Common;

/// <summary>What only the PostgreSQL store has: a server to reach, a schema to migrate, rows someone could edit.</summary>
public sealed class PgConsoleStoreTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Open_ServerNotListening_UnavailableNamingTheServerNotThePassword()
    {
        var connection = new NpgsqlConnectionStringBuilder(_store.Database) { Port = Loopback.UnusedPort(), Timeout = 5 }.ConnectionString;

        var refused = Assert.Throws<StoreUnavailableException>(() => new PgConsoleStore(connection));

        Assert.Contains("cannot be reached", refused.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Shared.Password, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongPassword_UnavailableSayingTheSignInWasRefused()
    {
        var connection = new NpgsqlConnectionStringBuilder(_store.Database) { Password = "not-the-password" }.ConnectionString;

        var refused = Assert.Throws<StoreUnavailableException>(() => new PgConsoleStore(connection));

        Assert.Contains("refused the sign-in", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SeveralInstancesStartingTogether_ApplyEachSchemaScriptOnce()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new PgConsoleStore(database))));
            foreach (var store in stores)
            {
                store.Dispose();
            }

            Assert.Equal(Schema.PgSchema.Scripts.Count, CountRows(database, "schema_migrations"));
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }

    [Fact]
    public async Task Verify_LedgerRowEditedInTheDatabase_NamesThatEntry()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _store.Users.CreateAsync(TestActors.Admin, $"user{i}", $"User {i}", "long-enough", Role.Viewer);
        }

        Execute(_store.Database, """UPDATE ledger SET payload = '{"displayName":"Mallory","roles":["Admin"]}' WHERE sequence = 3""");

        var verification = _store.Audit.Verify();
        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task WriteAsync_ChangeFailsInTheDatabase_RollsBackAndTheNextWriteContinuesTheChain()
    {
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);

        // A change, its entry, then an entry reusing sequence 1: the database refuses it inside the write.
        await Assert.ThrowsAsync<PostgresException>(() => _store.Store.WriteAsync(s =>
        {
            s.Users.Upsert(s.Users.Get("bob")! with { DisplayName = "Changed" });
            s.Ledger.Append(LedgerHasher.Link(s.Ledger.Head(), DateTimeOffset.UtcNow, "ada", "test.change", "user:bob", LedgerOutcome.Allowed, "{}"));
            s.Ledger.Append(LedgerHasher.Link(null, DateTimeOffset.UtcNow, "ada", "test.again", "user:bob", LedgerOutcome.Allowed, "{}"));
            return true;
        }));
        await _store.Users.CreateAsync(TestActors.Admin, "carl", "Carl", "long-enough", Role.Viewer);

        Assert.Equal("Bob", _store.Users.List().Single(u => u.Id == "bob").DisplayName);
        Assert.Equal([1L, 2L], _store.Ledger.Select(e => e.Sequence));
        Assert.True(_store.Audit.Verify().IsValid);
    }

    private static long CountRows(string database, string table)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
