using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Scopes;

public sealed partial class ScopesPage : IDisposable
{
    private IReadOnlyList<ScopeDetail>? _scopes;
    private Dictionary<string, string> _running = [];
    private Dictionary<string, ScopeStanding> _standings = [];
    private ObjectiveProof? _proof;
    private LiveWatcher? _watcher;

    [Inject] public required ScopeService Scopes { get; init; }
    [Inject] public required RollbackService Rollbacks { get; init; }
    [Inject] public required ScopeStandings Standings { get; init; }
    [Inject] public required RollbackObjective Objective { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Scopes, Topics.Rollbacks);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        _scopes = [.. Scopes.List().Select(s => Scopes.Detail(s.Id))];
        _running = Rollbacks.List().Where(r => r.Status == RollbackStatus.Running)
            .GroupBy(r => r.ScopeId).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        _proof = Objective.Proof();
        _standings = Standings.All().ToDictionary(s => s.ScopeId, StringComparer.Ordinal);
    }
}
