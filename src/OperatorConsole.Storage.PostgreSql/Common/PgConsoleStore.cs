using System.Data;
using System.Globalization;
using Npgsql;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Schema;

namespace OperatorConsole.Storage.PostgreSql.Common;

/// <summary>
/// The PostgreSQL store, shared by any number of console instances. Every write runs in one transaction that first
/// takes a transaction-scoped advisory lock, the same for every instance: writes are serialized across the cluster
/// as the LiteDB store serializes them on its one writer thread. So under READ COMMITTED each statement of a write
/// sees every earlier write: the gates, the ledger head, incident numbers and version counters read inside the write
/// are exactly what it commits on, with no serialization failures to retry. The lock is released by the commit.
///
/// Reads run in a REPEATABLE READ READ ONLY transaction, so one read sees one committed state, never a write half-way.
/// The change is a synchronous delegate (the store contract), run on a pool thread; in this process one write at a
/// time asks for the lock, so waiting writes hold no connection.
/// </summary>
public sealed class PgConsoleStore : IConsoleStore, IStoreStatus, IDisposable
{
    private const long WriteLockKey = 0x4F43_5752_4954_4553; // "OCWRITES"
    private static readonly string LockSql = "SELECT pg_advisory_xact_lock(" + WriteLockKey.ToString(CultureInfo.InvariantCulture) + ")";

    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _oneWriter = new(1, 1);
    private volatile Exception? _lastFailure;

    /// <summary>Connects and migrates the schema; throws <see cref="StoreUnavailableException"/> when the server cannot be used.</summary>
    public PgConsoleStore(string connectionString)
    {
        Location = PgFailures.Describe(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
        try
        {
            PgSchema.Migrate(_source);
        }
        catch (Exception ex) when (PgFailures.IsUnavailable(ex))
        {
            _source.Dispose();
            throw PgFailures.Unavailable(Location, ex, "Cannot open the store");
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    /// <summary>Server, port, database and user; never the password.</summary>
    public string Location { get; }

    public Exception? LastFailure => _lastFailure;

    public async Task<T> WriteAsync<T>(Func<IStoreSession, T> change, CancellationToken cancellationToken = default)
    {
        await _oneWriter.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Write(change), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _oneWriter.Release();
        }
    }

    public T Read<T>(Func<IStoreSession, T> query)
    {
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
            using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                readOnly.ExecuteNonQuery();
            }

            var result = query(new PgSession(new PgContext(connection, transaction, writable: false)));
            transaction.Commit();
            return result;
        }
        catch (Exception ex) when (PgFailures.IsUnavailable(ex))
        {
            throw PgFailures.Unavailable(Location, ex, "Cannot read the store");
        }
    }

    public void Dispose()
    {
        _source.Dispose();
        _oneWriter.Dispose();
    }

    private T Write<T>(Func<IStoreSession, T> change)
    {
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            var context = new PgContext(connection, transaction, writable: true);
            using (var takeLock = context.Command(LockSql))
            {
                takeLock.ExecuteNonQuery();
            }

            context.MarkStart();
            var result = change(new PgSession(context));
            transaction.Commit();
            _lastFailure = null;
            return result;
        }
        catch (Exception ex) when (PgFailures.IsUnavailable(ex))
        {
            _lastFailure = ex;
            throw PgFailures.Unavailable(Location, ex, "The change was not saved (the console retries with the next change)");
        }
    }
}
