using Microsoft.Extensions.Logging.Abstractions;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Seeding;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Seeding;

public sealed class SeedDataLoaderTests : IDisposable
{
    private static readonly string SeedData = Path.Combine(AppContext.BaseDirectory, "seed-data");
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void IsEmpty_NewStore_True()
    {
        Assert.True(Loader().IsEmpty);
    }

    [Fact]
    public async Task Load_RepoSeedData_CreatesSixSwitchesAndSixRunbooksButNoUserOrScope()
    {
        var loader = Loader();

        await loader.LoadAsync(SeedData);

        Assert.Equal(6, _store.KillSwitches.List().Count);
        Assert.Equal(6, _store.Runbooks.List().Count);
        Assert.Empty(_store.Users.List());
        Assert.Empty(_store.Scopes.List());
        Assert.False(loader.IsEmpty);
        Assert.True(loader.HasNoUsers);
    }

    [Fact]
    public async Task LoadDemo_RepoSeedData_CreatesSixUsersAndThreeScopes()
    {
        var loader = Loader();

        await loader.LoadDemoAsync(SeedData);

        Assert.Equal(6, _store.Users.List().Count);
        Assert.Equal(3, _store.Scopes.List().Count);
        Assert.False(loader.HasNoUsers);
    }

    [Fact]
    public async Task LoadDemo_RepoSeedData_DemoUsersCanSignIn()
    {
        await Loader().LoadDemoAsync(SeedData);

        var admin = await _store.Users.SignInAsync("admin", "demo-admin");

        Assert.Equal(Role.Admin | Role.Viewer, admin?.Roles);
    }

    [Fact]
    public async Task LoadBoth_RepoSeedData_LedgerNamesSystemAndVerifies()
    {
        await Loader().LoadAsync(SeedData);
        await Loader().LoadDemoAsync(SeedData);

        // 18 for users, switches and runbooks; 11 alert rules; 27 for the scopes: 3 created, 6 manifests, 6 rebinds of 3
        // entries each; 5 health checks (the ledger check and four demo checks).
        Assert.Equal(61, _store.Ledger.Count);
        Assert.All(_store.Ledger, e => Assert.Equal(Actor.System.Id, e.Actor));
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task Load_FolderWithoutSeedFiles_AddsNothing()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_store.Folder, "no-seed")).FullName;

        await Loader().LoadAsync(empty);
        await Loader().LoadDemoAsync(empty);

        Assert.Empty(_store.Users.List());
        Assert.Empty(_store.Runbooks.List());
        Assert.Empty(_store.KillSwitches.List());
    }

    [Fact]
    public async Task Load_RepoSeedData_SeedsAiAndBadPackSwitchesOffAndUntested()
    {
        await Loader().LoadAsync(SeedData);

        var ai = _store.KillSwitches.Get("ai-kill-switch");
        var aiLocality = _store.KillSwitches.Get("ai-kill-switch", "locality-zrh");
        var badPack = _store.KillSwitches.Get("bad-pack-kill-switch");
        var pause = _store.KillSwitches.Get("pause-agent-execution");

        Assert.All([ai, aiLocality, badPack, pause], s => Assert.False(s!.On || s.Tested || s.ValidationPending));
        Assert.Equal(6, _store.KillSwitches.CurrentVersion());
    }

    [Fact]
    public async Task Load_RepoSeedData_SeedsAlertMatrixOf004InOrder()
    {
        await Loader().LoadAsync(SeedData);

        var rules = _store.AlertRules.List();
        Assert.Equal(
            ["PublishBlocked", "StalePack", "FallbackSpike", "ResolverHealth", "ResolverHealth", "WorkflowWatchdog", "KillSwitchActivation", "ManualTriggerDedupeSpike",
                "RollbackTimerBreached", "LedgerVerificationFailed", "HealthCheckFailed"],
            rules.Select(r => r.AlertName));
        Assert.Equal(Core.Incidents.IncidentSeverity.Sev1, rules[3].Severity);
        Assert.Equal(Core.Incidents.IncidentSeverity.Sev3, rules[7].Severity);
    }

    private SeedDataLoader Loader() => new(_store.Store, _store.Users, _store.Runbooks, _store.KillSwitches, _store.Scopes, _store.HealthChecks, _store.AlertRules, NullLogger<SeedDataLoader>.Instance);

    [Fact]
    public async Task LoadDemo_RepoSeedData_ScopesWithBadPortoActiveAndGoodLastKnownGood()
    {
        await Loader().LoadDemoAsync(SeedData);

        Assert.Equal(["baseline", "model-slot-a", "porto"], _store.Scopes.List().Select(s => s.Id));
        Assert.Equal(["model-slot-a"], _store.Scopes.List().Where(s => s.DrillTarget).Select(s => s.Id));
        var porto = _store.Scopes.Active("porto");
        Assert.Equal(("porto-2026.11.22", "porto-2026.11.18"), (porto.Active.Id, porto.LastKnownGood!.Id));
        var bad = await _store.Scopes.VerifyAsync(porto.Active.Id);
        Assert.Equal([true, false], bad.Checks.Select(c => c.Match));
        foreach (var scope in _store.Scopes.List())
        {
            var detail = _store.Scopes.Detail(scope.Id);
            Assert.True((await _store.Scopes.VerifyAsync(detail.LastKnownGood!.Id)).AllMatch, $"{scope.Id} last known good");
            Assert.Equal(2, detail.Scope.History.Count);
        }
    }
}
