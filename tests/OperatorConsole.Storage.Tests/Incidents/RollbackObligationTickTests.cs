using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Rollback;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>A rollback started on a SEV-1's scope ticks "Activate kill switch or rollback"; a drill does not.</summary>
public sealed class RollbackObligationTickTests : IAsyncLifetime
{
    private RollbackScene _scene = null!;

    public async Task InitializeAsync() => _scene = await RollbackScene.CreateAsync(drillTarget: true);

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StartRollback_OnTheSev1sScope_TicksWithTheStartAsProof()
    {
        var incident = await OpenSev1Async();

        var run = await _scene.Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        var start = _scene.Store.Ledger.Last(e => e.Action == "rollback.start");
        var tick = Assert.Single(_scene.Store.Incidents.Get(incident.Id)!.ObligationTicks);
        Assert.Equal(("sev1-kill-or-rollback", true, start.Sequence, "Omar On-call"), (tick.Key, tick.Automatic, tick.LedgerSequence, tick.By));
        Assert.Contains(run.Id, tick.Proof, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartDrill_OnTheSev1sScope_TicksNothing()
    {
        var incident = await OpenSev1Async();

        await _scene.Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, drill: true);

        Assert.Empty(_scene.Store.Incidents.Get(incident.Id)!.TickedObligations);
    }

    private Task<Incident> OpenSev1Async() =>
        _scene.Store.Incidents.OpenAsync(TestActors.Omar, new OpenIncident("Bad pack live in porto", IncidentClass.BadPublish, IncidentSeverity.Sev1, [ScopeScene.ScopeId], "alert"));
}
