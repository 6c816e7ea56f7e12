using System.Globalization;
using System.Reflection;
using Npgsql;

namespace OperatorConsole.Storage.PostgreSql.Schema;

/// <summary>
/// Brings the database to this console's schema on start: the embedded scripts Schema/NNNN_name.sql run in version
/// order, each once, recorded in schema_migrations. All of it runs in one transaction under an advisory lock, so two
/// instances starting together apply each script once and neither sees half a schema; a failed script changes nothing.
/// </summary>
internal static class PgSchema
{
    private const long MigrationLockKey = 0x4F43_5343_4845_4D41; // "OCSCHEMA"

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = Load();

    public static void Migrate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Run(connection, "SELECT pg_advisory_xact_lock(" + MigrationLockKey.ToString(CultureInfo.InvariantCulture) + ")");
        Run(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        var applied = new HashSet<int>();
        using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var newest = Scripts[^1].Version;
        if (applied.Any(v => v > newest))
        {
            throw new InvalidOperationException(
                $"The database's schema is version {applied.Max()}, newer than this console knows ({newest}); run the newer console or restore a matching database.");
        }

        foreach (var (version, name, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
        {
            Run(connection, sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection);
            record.Parameters.AddWithValue("version", version);
            record.Parameters.AddWithValue("name", name);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Schema.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n["Schema.".Length..^".sql".Length];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(name[..4], CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)];
    }
}
