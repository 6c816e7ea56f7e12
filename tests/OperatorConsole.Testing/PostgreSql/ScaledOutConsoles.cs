using Npgsql;

namespace OperatorConsole.Testing.PostgreSql;

/// <summary>
/// Console instances as child processes on one fresh PostgreSQL database and one Redis, the scale-out set-up of
/// docs/SCALE-OUT.md: same settings for each, including the data-file path the checkpoint key and log sit beside.
/// Users and API keys are made with the console's own host admin commands, as an operator would.
/// </summary>
public sealed class ScaledOutConsoles : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-scale-out-").FullName;
    private readonly List<ChildConsole> _started = [];

    public ScaledOutConsoles(RedisServer redis)
    {
        Database = PostgresServer.Shared.CreateDatabase();
        Environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Console"] = Database,
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["ScaleOut__ChannelPrefix"] = $"test-{Guid.NewGuid():N}",
            ["Storage__DataFile"] = Path.Combine(_folder, "console.db"),
            ["Storage__SeedOnFirstStart"] = "false",
            ["Logs__Folder"] = Path.Combine(_folder, "logs"),
        };
    }

    public string Database { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts one more instance and waits until it listens.</summary>
    public async Task<ChildConsole> StartAsync()
    {
        var child = await ChildConsole.StartAsync(Environment);
        _started.Add(child);
        return child;
    }

    /// <summary>Creates a user with <paramref name="roles"/> (e.g. "OnCall,Admin") and returns an API key for it.</summary>
    public async Task<string> CreateApiKeyAsync(string user, string roles, string password = "correct-horse-battery")
    {
        await AdminAsync(password + "\n", "create-user", "--user", user, "--roles", roles);
        return (await AdminAsync(string.Empty, "create-api-key", "--user", user, "--name", user + "-key")).Trim();
    }

    /// <summary>Who holds each piece of background work: lease name to the holder's process id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> LeaseHoldersAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, holder FROM work_leases WHERE expires_at > now()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            // PgWorkLeases names the holder machine/process-id/guid.
            holders[reader.GetString(0)] = int.Parse(reader.GetString(1).Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return holders;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _started)
        {
            await child.DisposeAsync();
        }

        PostgresServer.Shared.DropDatabase(Database);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> AdminAsync(string stdin, params string[] args)
    {
        var (exitCode, stdout, stderr) = await ChildConsole.RunAsync(["admin", .. args], stdin, Environment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"admin {args[0]} failed ({exitCode}): {stderr}");
        }

        return stdout;
    }
}
