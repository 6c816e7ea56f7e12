using Npgsql;

namespace OperatorConsole.Storage.PostgreSql.Common;

/// <summary>
/// One connection and its open transaction, as seen by the repositories of one read or write. Every statement is
/// synchronous because the store contract runs a change as a synchronous delegate (no awaiting inside a write).
/// </summary>
internal sealed class PgContext(NpgsqlConnection connection, NpgsqlTransaction transaction, bool writable)
{
    public bool Writable => writable;

    public void EnsureWritable()
    {
        if (!writable)
        {
            throw new InvalidOperationException("This is a read session; write through IConsoleStore.WriteAsync.");
        }
    }

    public NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        EnsureWritable();
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Reads every row before returning, so the connection is free for the caller's next statement.</summary>
    public List<T> Rows<T>(string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Marks where a write's own changes begin, so <see cref="Discard"/> can undo them and keep the write lock.</summary>
    public void MarkStart() => Run("SAVEPOINT change_start");

    public void Discard()
    {
        EnsureWritable();
        Run("ROLLBACK TO SAVEPOINT change_start");
    }

    private void Run(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}
