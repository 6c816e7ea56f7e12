using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace OperatorConsole.Testing.PostgreSql;

/// <summary>
/// One real PostgreSQL server per test run, from the Debian package (scripts/test.sh installs it): initdb in a temp
/// folder, listening on a free 127.0.0.1 port only, password sign-in over TCP. Tests ask it for a fresh database each.
/// initdb refuses to run as root, so as root the server runs as the package's 'postgres' user. The server stops, and
/// its folder goes, when the test process exits. fsync is off on the shared server: it is thrown away, and crash safety
/// is the LiteDB suite's and PostgreSQL's own business, not this fixture's. <see cref="Durable"/> keeps fsync on, for
/// the load tool, whose figures must include each commit's flush as a real server's would.
/// </summary>
public sealed class PostgresServer
{
    private const string SuperUser = "postgres";
    private const string FolderPrefix = "oc-postgres-";
    private static readonly Lazy<PostgresServer> Instance = new(() => Start(fsync: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<PostgresServer> DurableInstance = new(() => Start(fsync: true), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _bin;
    private readonly string _folder;

    private PostgresServer(string bin, string folder, int port, string password)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        Password = password;
    }

    /// <summary>The run's server, started on first use.</summary>
    public static PostgresServer Shared => Instance.Value;

    /// <summary>A server of its own that flushes every commit to disk (PostgreSQL's default), started on first use.</summary>
    public static PostgresServer Durable => DurableInstance.Value;

    public int Port { get; }

    /// <summary>The superuser's password (random per run).</summary>
    public string Password { get; }

    public string ConnectionString(string database, string? password = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Database = database, Username = SuperUser, Password = password ?? Password,
            Pooling = true, Timeout = 30, CommandTimeout = 60,
        }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "oc_" + Guid.NewGuid().ToString("N");
        Admin($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start(bool fsync)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb. Run the tests through scripts/test.sh, " +
                "which installs it, or `apt-get install -y postgresql`.");
        }

        RemoveStoppedServers();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Combine(folder, "pwfile"), password);
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", ["-R", $"{SuperUser}:{SuperUser}", folder], asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", SuperUser, "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + Path.Combine(folder, "pwfile"),
             "-E", "UTF8", "--no-locale", "--no-sync"]);

        // A port found free can be taken before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = Loopback.UnusedPort();
            var started = Run(Path.Combine(bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                 "-o", $"-p {port} -h 127.0.0.1 -k {folder}{(fsync ? "" : " -F")} -c max_connections=300", "start"], throwOnFailure: attempt == 3);
            if (started)
            {
                var server = new PostgresServer(bin, folder, port, password);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return server;
            }
        }
    }

    private void Stop()
    {
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"], throwOnFailure: false);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder; the next run removes it.
        }
    }

    /// <summary>
    /// Folders of earlier runs whose server is no longer running (a test process ended before it could clean up); a
    /// folder younger than ten minutes may be another run's server still being set up, so it stays.
    /// </summary>
    private static void RemoveStoppedServers()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*")
            .Where(d => !File.Exists(Path.Combine(d, "data", "postmaster.pid")) && Directory.GetCreationTimeUtc(d) < DateTime.UtcNow.AddMinutes(-10)))
        {
            try
            {
                Directory.Delete(stale, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's; leave it.
            }
        }
    }

    private static bool Run(string file, IReadOnlyList<string> args, bool throwOnFailure = true, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", SuperUser, "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {output.Result}{errors.Result}");
        }

        return process.ExitCode == 0;
    }
}
