using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// A real LiteDB file in its own temp folder with the real Core services over it.
/// Disposing closes the store and deletes the folder.
/// </summary>
public sealed class TestStore : IDisposable
{
    private static readonly IHttpClientFactory HttpClients = new ServiceCollection()
        .AddHttpClient(ProbeRunner.HttpClientName).Services
        .AddHttpClient(LockdownAlertWebhook.HttpClientName).Services
        .BuildServiceProvider()
        .GetRequiredService<IHttpClientFactory>();

    private readonly TimeProvider _clock;
    private bool _open = true;

    public TestStore(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        Folder = Path.Combine(Path.GetTempPath(), "oc-storage-tests", Guid.NewGuid().ToString("N"));
        DataFile = Path.Combine(Folder, "console.db");
        Store = new LiteConsoleStore(DataFile);
        Changes = new ChangeRunner(Store, Broadcaster, _clock);
    }

    public string Folder { get; }

    public string DataFile { get; }

    public LiteConsoleStore Store { get; private set; }

    public LiveEventBroadcaster Broadcaster { get; } = new();

    public ChangeRunner Changes { get; private set; }

    /// <summary>Where probe paths such as /health/live resolve; unreachable unless a test points it elsewhere.</summary>
    public SettableSelfAddress Self { get; } = new();

    public RunbookService Runbooks => new(Changes, new RunbookParser());

    public RunService Runs => new(Changes, new ProbeRunner(HttpClients, Self, _clock));

    public UserService Users => new(Changes, new Sha256PasswordHashing());

    public ApiKeyService ApiKeys => new(Changes);

    public AuditService Audit => new(Changes);

    public IncidentService Incidents => new(Changes);

    public PostIncidentService PostIncidents => new(Changes);
    public EvidenceService Evidence => new(Changes);

    public GuardedActionPolicies GuardedPolicies { get; set; } = new();

    public GuardedActionService GuardedActions => new(Changes, GuardedPolicies);

    public KillSwitchService KillSwitches => new(Changes, GuardedActions);

    public FailureStatusService FailureStatus => new(Changes, GuardedActions);

    public LockdownService Lockdown => new(
        Changes, GuardedActions,
        [new KillSwitchesSnapshotPart(), new OpenIncidentsSnapshotPart(), new FailureStatusSnapshotPart(), new ActiveManifestsSnapshotPart()],
        new LockdownAlertWebhook(HttpClients, _clock));

    public ScopeService Scopes => new(Changes, GuardedActions, new ContentReader(HttpClients, Self), [new ReleaseStagesFollower()]);

    public RollbackOptions RollbackOptions { get; } = new();

    public RollbackService Rollbacks => new(Changes, Scopes, new ProbeRunner(HttpClients, Self, _clock), Microsoft.Extensions.Options.Options.Create(RollbackOptions));

    public ReleaseOptions ReleaseOptions { get; } = new() { DefaultScope = "porto" };

    public ReleaseService Releases => new(Changes, Scopes, new ProbeRunner(HttpClients, Self, _clock), Microsoft.Extensions.Options.Options.Create(ReleaseOptions));

    public RollbackObjective Objective => new(Changes, Microsoft.Extensions.Options.Options.Create(RollbackOptions));

    public IReadOnlyList<LedgerEntry> Ledger => Store.Read(s => s.Ledger.All().ToList());

    /// <summary>Closes the file without deleting it; then <see cref="Open"/> starts a new store on it.</summary>
    public void Close()
    {
        Store.Dispose();
        _open = false;
    }

    public void Open()
    {
        Store = new LiteConsoleStore(DataFile);
        _open = true;
        Changes = new ChangeRunner(Store, Broadcaster, _clock);
    }

    public void Reopen()
    {
        Close();
        Open();
    }

    public void Dispose()
    {
        if (_open)
        {
            Store.Dispose();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

public sealed class SettableSelfAddress : ISelfBaseAddress
{
    public Uri Address { get; set; } = new($"http://127.0.0.1:{Loopback.UnusedPort()}/");

    public Uri Get() => Address;
}
