using Microsoft.Extensions.Logging.Abstractions;
using OperatorConsole.Core.Common;
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
    public async Task Load_RepoSeedData_CreatesSixUsersSixSwitchesAndSixRunbooks()
    {
        var loader = Loader();

        await loader.LoadAsync(SeedData);

        Assert.Equal(6, _store.Users.List().Count);
        Assert.Equal(6, _store.KillSwitches.List().Count);
        Assert.Equal(6, _store.Runbooks.List().Count);
        Assert.False(loader.IsEmpty);
    }

    [Fact]
    public async Task Load_RepoSeedData_DemoUsersCanSignIn()
    {
        await Loader().LoadAsync(SeedData);

        var admin = await _store.Users.SignInAsync("admin", "demo-admin");

        Assert.Equal(Role.Admin | Role.Viewer, admin?.Roles);
    }

    [Fact]
    public async Task Load_RepoSeedData_LedgerNamesSystemAndVerifies()
    {
        await Loader().LoadAsync(SeedData);

        Assert.Equal(18, _store.Ledger.Count);
        Assert.All(_store.Ledger, e => Assert.Equal(Actor.System.Id, e.Actor));
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task Load_FolderWithoutSeedFiles_AddsNothing()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_store.Folder, "no-seed")).FullName;

        await Loader().LoadAsync(empty);

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

    private SeedDataLoader Loader() => new(_store.Store, _store.Users, _store.Runbooks, _store.KillSwitches, _store.Scopes, NullLogger<SeedDataLoader>.Instance);
}
