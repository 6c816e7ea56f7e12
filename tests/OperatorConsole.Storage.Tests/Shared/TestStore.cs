using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OperatorConsole.Core;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.ConsoleAlerts;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.LaunchDay.Config;
using OperatorConsole.Core.LaunchDay.Probes;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Common;
#if POSTGRESQL
using OperatorConsole.Storage.PostgreSql.Backup;
using OperatorConsole.Testing.PostgreSql;
using ConsoleStore = OperatorConsole.Storage.PostgreSql.Common.PgConsoleStore;
#else
using ConsoleStore = OperatorConsole.Storage.Common.LiteConsoleStore;
#endif

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// A real LiteDB file in its own temp folder (or, built with POSTGRESQL, a fresh database on the run's real PostgreSQL
/// server: the same tests then hold the PostgreSQL store to the same contract) with the real Core services over it, wired by Core's own
/// <see cref="Core.DependencyInjection.AddConsoleCore"/>; only the edges differ: the clock, the console's address,
/// the password hasher, and the policies and options a test may set. Disposing closes the store and deletes the folder.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly TimeProvider _clock;
    private GuardedActionPolicies _guardedPolicies = new();
    private ServiceProvider _services;
#if !POSTGRESQL
    private readonly Func<string, FileStream> _openFile;
#endif
    private bool _open = true;

    /// <param name="openFile">How the store opens its files; a test passes one that can fail like a full disk.</param>
    public TestStore(TimeProvider? clock = null, Func<string, FileStream>? openFile = null)
#if POSTGRESQL
        : this(clock, PostgresServer.Shared.CreateDatabase())
    {
    }

    /// <summary>A second console instance on <paramref name="database"/>, as another host sharing the PostgreSQL store.</summary>
    public TestStore(TimeProvider? clock, string database)
#endif
    {
        _clock = clock ?? TimeProvider.System;
#if POSTGRESQL
        Database = database;
#else
        _openFile = openFile ?? DurableFileStream.Open;
#endif
        Folder = Path.Combine(Path.GetTempPath(), "oc-storage-tests", Guid.NewGuid().ToString("N"));
        DataFile = Path.Combine(Folder, "console.db");
        Store = OpenStore();
        CheckpointKey = new CheckpointKey(CheckpointKey.DefaultPathFor(DataFile));
        Checkpoints = new FileCheckpointLog(FileCheckpointLog.DefaultPathFor(DataFile));
        _services = Build();
    }

    /// <summary>The checkpoint key and log, beside the data file as in the host.</summary>
    public CheckpointKey CheckpointKey { get; }

    public FileCheckpointLog Checkpoints { get; }

    public LedgerSealer Sealer => Service<LedgerSealer>();
    public string Folder { get; }

    public string DataFile { get; }

    public string BackupFolder => Path.Combine(Folder, "backups");

    public ConsoleStore Store { get; private set; }

    public LiveEventBroadcaster Broadcaster { get; } = new();

    public ChangeRunner Changes => Service<ChangeRunner>();

    public Permissions Permissions => Service<Permissions>();

    /// <summary>Where probe paths such as /health/live resolve; unreachable unless a test points it elsewhere.</summary>
    public SettableSelfAddress Self { get; } = new();

    public RunbookService Runbooks => Service<RunbookService>();

    public LatestRunbooks LatestRunbooks => Service<LatestRunbooks>();

    public RunService Runs => Service<RunService>();

    public AlertIntake AlertIntake => Service<AlertIntake>();

    public AlertRuleService AlertRules => Service<AlertRuleService>();

    public AlertService Alerts => Service<AlertService>();

    public UserService Users => Service<UserService>();

    public ApiKeyService ApiKeys => Service<ApiKeyService>();

    public AuditService Audit => Service<AuditService>();

    /// <summary>GET /api/ledger/export's document, written by the same streaming writer and read back.</summary>
    public async Task<LedgerExport> ExportLedgerAsync()
    {
        using var body = new MemoryStream();
        var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        await LedgerExportWriter.WriteAsync(Audit, pipe, JsonSerializerOptions.Web, CancellationToken.None);
        await pipe.CompleteAsync();
        body.Position = 0;
        return (await JsonSerializer.DeserializeAsync<LedgerExport>(body, JsonSerializerOptions.Web))!;
    }

    public BackupService Backups => Service<BackupService>();

    public IncidentService Incidents => Service<IncidentService>();

    public PostIncidentService PostIncidents => Service<PostIncidentService>();

    public EvidenceService Evidence => Service<EvidenceService>();

    public BundleSealer BundleSealer => Service<BundleSealer>();

    public ConfigFetcher ConfigFetcher => Service<ConfigFetcher>();

    public LaunchProbes LaunchProbes => Service<LaunchProbes>();

    /// <summary>Setting other policies rewires the services, as a host registering its own would.</summary>
    public GuardedActionPolicies GuardedPolicies
    {
        get => _guardedPolicies;
        set
        {
            _guardedPolicies = value;
            Rebuild();
        }
    }

    public GuardedActionService GuardedActions => Service<GuardedActionService>();

    public KillSwitchService KillSwitches => Service<KillSwitchService>();

    public FailureStatusService FailureStatus => Service<FailureStatusService>();

    public LockdownService Lockdown => Service<LockdownService>();

    public ScopeService Scopes => Service<ScopeService>();

    public OutboundService Outbound => Service<OutboundService>();

    public OutboundPolicy OutboundPolicy => Service<OutboundPolicy>();

    public SignInFailures SignInFailures => Service<SignInFailures>();

    public SessionService Sessions => Service<SessionService>();

    public RollbackOptions RollbackOptions { get; } = new();

    public RollbackService Rollbacks => Service<RollbackService>();

    public ReleaseOptions ReleaseOptions { get; } = new() { DefaultScope = "porto" };

    public ReleaseService Releases => Service<ReleaseService>();

    public RollbackObjective Objective => Service<RollbackObjective>();

    public LaunchService Launches => Service<LaunchService>();

    public ScheduledCheckService HealthChecks => Service<ScheduledCheckService>();

    public ScheduledCheckRunner CheckRunner => Service<ScheduledCheckRunner>();

    public CheckScheduler CheckScheduler => Service<CheckScheduler>();

    public ConsoleAlertWatcher ConsoleAlerts => Service<ConsoleAlertWatcher>();

    /// <summary>Every alert the console sent to its intake, recorded on the way to the real <see cref="AlertIntake"/>.</summary>
    public RecordingAlertIntake SentAlerts { get; } = new();

    public IReadOnlyList<LedgerEntry> Ledger => Store.Read(s => s.Ledger.All().ToList());

    /// <summary>
    /// Closes the file without deleting it, sealing the ledger first as the host does when it stops; then
    /// <see cref="Open"/> starts a new store on it and seals again, as the host does when it starts.
    /// </summary>
    public void Close()
    {
        Sealer.SealHeadAsync(CheckpointReasons.Shutdown).GetAwaiter().GetResult();
        Store.Dispose();
        _open = false;
    }

    public void Open()
    {
        Store = OpenStore();
        _open = true;
        Rebuild();
        Sealer.SealHeadAsync(CheckpointReasons.Startup).GetAwaiter().GetResult();
    }

    public void Reopen()
    {
        Close();
        Open();
    }

    public void Dispose()
    {
        _services.Dispose();
        CheckpointKey.Dispose();
        if (_open)
        {
            Store.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
#if POSTGRESQL
        PostgresServer.Shared.DropDatabase(Database);
#endif
    }

#if POSTGRESQL
    /// <summary>The connection string of this store's own database.</summary>
    public string Database { get; }

    private ConsoleStore OpenStore() => new(Database);

    private PgBackupFolder BackupFolderOf() => new();
#else
    private ConsoleStore OpenStore() => new(DataFile, _openFile);

    private LiteBackupFolder BackupFolderOf() => new(Store, BackupFolder, Checkpoints);
#endif

    private T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private void Rebuild()
    {
        _services.Dispose();
        _services = Build();
    }

    // The provider owns none of these instances, so disposing it never closes the store.
    private ServiceProvider Build() => new ServiceCollection()
        .AddLogging()
        .AddConsoleCore()
        .Replace(ServiceDescriptor.Singleton(_clock))
        .Replace(ServiceDescriptor.Singleton(Broadcaster))
        .Replace(ServiceDescriptor.Singleton(_guardedPolicies))
        .AddSingleton<IConsoleStore>(Store)
        .AddSingleton<IBackupFolder>(BackupFolderOf())
        .AddSingleton<ICheckpointSigner>(CheckpointKey)
        .AddSingleton<ICheckpointLog>(Checkpoints)
        .AddSingleton<ISelfBaseAddress>(Self)
        .AddSingleton<IPasswordHashing, Sha256PasswordHashing>()
        .Replace(ServiceDescriptor.Singleton<IAlertIntake>(sp => SentAlerts.Forwarding(sp.GetRequiredService<AlertIntake>())))
        .AddSingleton(Options.Create(RollbackOptions))
        .AddSingleton(Options.Create(ReleaseOptions))
        .BuildServiceProvider();
}

public sealed class SettableSelfAddress : ISelfBaseAddress
{
    public Uri Address { get; set; } = new($"http://127.0.0.1:{Loopback.UnusedPort()}/");

    public Uri Get() => Address;
}
