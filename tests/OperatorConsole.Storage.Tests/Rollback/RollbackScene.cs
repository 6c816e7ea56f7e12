using OperatorConsole.Core.Rollback;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Rollback;

/// <summary>
/// Scope "porto" with v1 as last known good and v2 active, and a resolver/rules target that answers with whatever
/// the store has bound as active at the moment of the probe.
/// </summary>
public sealed class RollbackScene : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHttpServer _resolver;

    private RollbackScene(TestStore store, ManualClock clock)
    {
        Store = store;
        Clock = clock;
        _resolver = new LoopbackHttpServer(path => path.StartsWith("/rules", StringComparison.Ordinal)
            ? (200, "{\"ruleCount\":1}")
            : (200, $"{{\"manifestId\":\"{store.Scopes.Active(ScopeScene.ScopeId).Active.Id}\"}}"));
    }

    public TestStore Store { get; }

    public ManualClock Clock { get; }

    public RollbackService Rollbacks => Store.Rollbacks;

    public static async Task<RollbackScene> CreateAsync(bool drillTarget = false)
    {
        var clock = new ManualClock(T0);
        var scene = new RollbackScene(new TestStore(clock), clock);
        await scene.Store.Outbound.AllowAsync(TestActors.Admin, scene._resolver.Address.Host, "the test resolver on loopback");
        await ScopeScene.CreateAsync(scene.Store, drillTarget, new Uri(scene._resolver.Address, "/resolver/porto").ToString(), new Uri(scene._resolver.Address, "/rules/porto").ToString());
        await ScopeScene.RebindAsync(scene.Store, ScopeScene.V1);
        await ScopeScene.RebindAsync(scene.Store, ScopeScene.V2);
        return scene;
    }

    /// <summary>Walks steps 2 to 5, moving the clock by <paramref name="beforeRebind"/> before step 3 and <paramref name="beforeChecksums"/> before step 4.</summary>
    public async Task<RollbackRun> WalkAsync(RollbackRun run, TimeSpan beforeRebind, TimeSpan beforeChecksums)
    {
        await Rollbacks.ConfirmTargetsAsync(TestActors.Omar, run.Id);
        Clock.Now += beforeRebind;
        var request = await Rollbacks.RequestRebindAsync(TestActors.Omar, run.Id);
        await Rollbacks.ConfirmRebindAsync(TestActors.Omar, run.Id, request.Token);
        Clock.Now += beforeChecksums;
        await Rollbacks.VerifyChecksumsAsync(TestActors.Omar, run.Id);
        return await Rollbacks.ProbeAsync(TestActors.Omar, run.Id);
    }

    public void Dispose()
    {
        _resolver.Dispose();
        Store.Dispose();
    }
}
