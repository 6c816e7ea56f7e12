using System.Text.Json.Nodes;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

/// <summary>Lockdown meets the scopes: the snapshot records what each scope served, and only a return to the last known good may rebind.</summary>
public sealed class LockdownScopeTests : IAsyncLifetime
{
    private LockdownScene _scene = null!;

    public async Task InitializeAsync()
    {
        _scene = await LockdownScene.CreateAsync();
        await ScopeScene.CreateAsync(_scene.Store);
        await ScopeScene.RebindAsync(_scene.Store, ScopeScene.V1);
        await ScopeScene.RebindAsync(_scene.Store, ScopeScene.V2);
    }

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Engage_Snapshot_RecordsActiveAndLastKnownGoodPerScope()
    {
        var record = await _scene.EngageAsync();

        var scope = JsonNode.Parse(_scene.Lockdown.Snapshot(record.Id).Json)!["active_manifests"]![0]!;
        Assert.Equal(ScopeScene.ScopeId, (string)scope["scope"]!);
        Assert.Equal(ScopeScene.V2, (string)scope["active"]!["id"]!);
        Assert.Equal(ScopeScene.V1, (string)scope["last_known_good"]!["id"]!);
    }

    [Fact]
    public async Task RebindForward_InLockdown_RefusedAndActiveUnchanged()
    {
        await _scene.EngageAsync();

        await Assert.ThrowsAsync<LockedDownException>(() => _scene.Store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V3));

        Assert.Equal(ScopeScene.V2, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        Assert.Equal(("scope.rebind", Core.Audit.LedgerOutcome.Denied), (_scene.Store.Ledger[^1].Action, _scene.Store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task RebindForward_TokenTakenBeforeLockdown_RefusedAtConfirm()
    {
        var request = await _scene.Store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V3);
        await _scene.EngageAsync();

        await Assert.ThrowsAsync<LockedDownException>(() =>
            _scene.Store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V3, "ship v3"));

        Assert.Equal(ScopeScene.V2, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
    }

    [Fact]
    public async Task RollbackToLastKnownGood_InLockdown_Allowed()
    {
        await _scene.EngageAsync();

        await ScopeScene.RebindAsync(_scene.Store, ScopeScene.V1, "roll back the bad pack");

        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
    }

    [Fact]
    public async Task RegisterManifest_InLockdown_Refused()
    {
        await _scene.EngageAsync();

        await Assert.ThrowsAsync<LockedDownException>(() =>
            _scene.Store.Scopes.RegisterManifestAsync(TestActors.Rita, ScopeScene.ScopeId, ScopeScene.Input("porto-v4")));

        Assert.Null(_scene.Store.Store.Read(s => s.Scopes.GetManifest("porto-v4")));
    }
}
