using Npgsql;
using OperatorConsole.Core.Leases;

namespace OperatorConsole.Storage.PostgreSql.Leases;

/// <summary>
/// Leases in the shared database: a row per piece of work naming the instance that holds it until when, by the
/// database's clock. Taking or renewing is one statement that succeeds only for the holder or once the lease ran out,
/// so two instances can never both hold it.
/// </summary>
public sealed class PgWorkLeases(string connectionString) : IWorkLeases, IDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <summary>This process, as the holder column names it (readable in the table when looking for who holds what).</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TryHoldAsync(string work, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand(
            "INSERT INTO work_leases (name, holder, expires_at) VALUES (@name, @holder, now() + @duration) " +
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
            "WHERE work_leases.holder = excluded.holder OR work_leases.expires_at < now() RETURNING holder");
        command.Parameters.AddWithValue("name", work);
        command.Parameters.AddWithValue("holder", Instance);
        command.Parameters.AddWithValue("duration", duration);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task ReleaseAsync(string work, CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand("DELETE FROM work_leases WHERE name = @name AND holder = @holder");
        command.Parameters.AddWithValue("name", work);
        command.Parameters.AddWithValue("holder", Instance);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _source.Dispose();
}
