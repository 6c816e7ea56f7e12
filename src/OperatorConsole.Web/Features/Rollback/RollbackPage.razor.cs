using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Scopes;

namespace OperatorConsole.Web.Features.Rollback;

/// <summary>
/// One rollback run, live for every viewer: step changes arrive through the LiveWatcher, and while the run is open a
/// one-second tick re-evaluates both timers from the recorded times, so everyone sees them count and change colour.
/// </summary>
public sealed partial class RollbackPage : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private RollbackRun? _run;
    private TimerState? _safe;
    private TimerState? _integrity;
    private List<BreadcrumbItem> _crumbs = [];
    private bool _busy;
    private LiveWatcher? _watcher;
    private readonly CancellationTokenSource _stop = new();
    private Task? _ticking;

    [Parameter] public string Id { get; set; } = string.Empty;

    [Inject] public required RollbackService Rollbacks { get; init; }
    [Inject] public required ScopeService Scopes { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    private bool Completed => _run?.Status == RollbackStatus.Completed;

    protected override void OnParametersSet()
    {
        _watcher?.Dispose();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Rollback(Id));
        Load();
        _ticking ??= TickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await _stop.CancelAsync();
        if (_ticking is not null)
        {
            await _ticking;
        }

        _stop.Dispose();
    }

    private void Load()
    {
        _run = Rollbacks.Get(Id);
        if (_run is null)
        {
            return;
        }

        var view = Rollbacks.View(_run);
        (_safe, _integrity) = (view.SafeState, view.Integrity);
        _crumbs = [new("Rollbacks", "rollbacks"), new(_run.ScopeId, $"scopes/{_run.ScopeId}"), new(_run.Id, null, disabled: true)];
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (_run is { Status: RollbackStatus.Running })
                {
                    await InvokeAsync(() => { Load(); StateHasChanged(); });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended between two ticks.
        }
    }

    private static string? ActionLabel(int step) => step switch
    {
        RollbackSteps.ConfirmTargets => "Probe the resolver and confirm targets",
        RollbackSteps.Rebind => "Rebind to last known good…",
        RollbackSteps.Checksums => "Recompute checksums",
        RollbackSteps.Probe => "Probe resolver and rules API",
        _ => null,
    };

    private async Task ActAsync(int step)
    {
        _busy = true;
        var actor = await Current.GetAsync();
        await Ui.TryAsync(async () => _run = step switch
        {
            RollbackSteps.ConfirmTargets => await Rollbacks.ConfirmTargetsAsync(actor, Id),
            RollbackSteps.Rebind => await RebindAsync(actor),
            RollbackSteps.Checksums => await Rollbacks.VerifyChecksumsAsync(actor, Id),
            RollbackSteps.Probe => await Rollbacks.ProbeAsync(actor, Id),
            _ => _run,
        });
        _busy = false;
        Load();
    }

    /// <summary>Step 3: the token is requested here and kept on the server; the dialog states what the rebind will do.</summary>
    private async Task<RollbackRun?> RebindAsync(Core.Common.Actor actor)
    {
        var run = _run!;
        var request = await Rollbacks.RequestRebindAsync(actor, Id);
        var detail = Scopes.Detail(run.ScopeId);
        var target = Scopes.Manifest(run.TargetManifestId).Summary();
        var confirmed = await RebindDialog.AskAsync(Dialogs, run.ScopeId, detail.Active, target, detail.Scope.LastKnownGoodId, request.ExpiresAt, askReason: false);
        return confirmed is null ? run : await Rollbacks.ConfirmRebindAsync(actor, Id, request.Token);
    }
}
