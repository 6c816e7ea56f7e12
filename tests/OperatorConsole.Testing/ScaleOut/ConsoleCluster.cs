using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Common;
using OperatorConsole.Testing.PostgreSql;
using OperatorConsole.Web.Features.ScaleOut;

namespace OperatorConsole.Testing.ScaleOut;

/// <summary>
/// Several real console hosts serving one team, as docs/SCALE-OUT.md sets them up: one fresh PostgreSQL database, one
/// redis-server, a channel prefix of their own, and one checkpoint key and log that every instance shares. Started one
/// after another, the first seeds the demo and the others start on the seeded database.
/// </summary>
public sealed class ConsoleCluster : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-cluster-").FullName;
    private readonly List<ConsoleHost> _hosts = [];

    /// <summary>Two instances, started one after the other.</summary>
    public ConsoleCluster()
        : this(instances: 2, startTogether: false)
    {
    }

    private ConsoleCluster(int instances, bool startTogether)
    {
        ConnectionString = PostgresServer.Shared.CreateDatabase();
        try
        {
            if (startTogether)
            {
                var starts = Enumerable.Range(0, instances).Select(_ => Task.Run(() => ConsoleHost.WithSettings(Settings()))).ToList();
                try
                {
                    Task.WaitAll(starts);
                }
                finally
                {
                    _hosts.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
                }
            }
            else
            {
                for (var i = 0; i < instances; i++)
                {
                    _hosts.Add(ConsoleHost.WithSettings(Settings()));
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Instances started all at once on the empty database, as a deployment starting every instance does.</summary>
    public static ConsoleCluster StartedTogether(int instances = 2) => new(instances, startTogether: true);

    public string ConnectionString { get; }

    public RedisServer Redis { get; } = new();

    /// <summary>Keeps this cluster's live events, hub groups and key ring apart from any other on the same Redis.</summary>
    public string ChannelPrefix { get; } = $"cluster-{Guid.NewGuid():N}";

    public IReadOnlyList<ConsoleHost> Hosts => _hosts;

    public ConsoleHost A => _hosts[0];

    public ConsoleHost B => _hosts[1];

    /// <summary>What each instance is started with; another one started with these joins the cluster.</summary>
    public (string Key, string Value)[] Settings() =>
    [
        ($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}", StorageProviders.PostgreSql),
        ($"ConnectionStrings:{StorageOptions.ConnectionStringName}", ConnectionString),
        ($"ConnectionStrings:{ScaleOutSetup.ConnectionStringName}", Redis.ConnectionString),
        (ScaleOutSetup.ChannelPrefixSetting, ChannelPrefix),
        ($"{CheckpointOptions.Section}:{nameof(CheckpointOptions.CheckpointKeyFile)}", Path.Combine(_folder, "checkpoint-key.pem")),
        ($"{CheckpointOptions.Section}:{nameof(CheckpointOptions.CheckpointLogFile)}", Path.Combine(_folder, "checkpoints.jsonl")),
    ];

    public void Dispose()
    {
        // Last started first, so the first instance (the lease holder) is the last to seal and let go.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            _hosts[i].Dispose();
        }

        Redis.Dispose();
        PostgresServer.Shared.DropDatabase(ConnectionString);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }
}
