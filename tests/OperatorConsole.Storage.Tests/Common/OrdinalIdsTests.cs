using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>Ids compare exactly in both stores: ids that differ only in case name different records.</summary>
public sealed class OrdinalIdsTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Create_ScopeDifferingOnlyInCase_IsASecondScope()
    {
        await _store.Scopes.CreateAsync(TestActors.Rita, new ScopeDefinition("Porto", "Upper Porto", null, false, null, null, null));

        await _store.Scopes.CreateAsync(TestActors.Rita, new ScopeDefinition(ScopeScene.ScopeId, "Lower porto", null, false, null, null, null));

        var names = _store.Store.Read(s => (s.Scopes.Get("Porto")?.Name, s.Scopes.Get(ScopeScene.ScopeId)?.Name));
        Assert.Equal(("Upper Porto", "Lower porto"), names);
    }

    [Fact]
    public async Task Upsert_IdDifferingOnlyInCase_LeavesTheOtherRecordAsItWas()
    {
        await _store.Store.WriteAsync(s =>
        {
            s.Scopes.Upsert(new Scope { Id = "Payments", Name = "written first" });
            s.Scopes.Upsert(new Scope { Id = "payments", Name = "written second" });
            return 0;
        });

        var scopes = _store.Store.Read(s => s.Scopes.All()).Select(s => (s.Id, s.Name));
        Assert.Equal([("Payments", "written first"), ("payments", "written second")], scopes);
    }

    [Fact]
    public async Task Resolve_ScopeDifferingOnlyInCase_GetsTheGlobalSwitchNotTheOtherScopes()
    {
        const string Key = "ai-kill-switch";
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Key, null, "Everywhere", false));
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Key, "Porto", "Upper Porto only", false));

        var resolved = _store.KillSwitches.Resolve(Key, ScopeScene.ScopeId);

        Assert.Equal(KillSwitch.GlobalScope, resolved?.Scope);
    }
}
