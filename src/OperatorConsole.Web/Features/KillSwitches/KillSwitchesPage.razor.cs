using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.KillSwitches;

public sealed partial class KillSwitchesPage : IDisposable
{
    private IReadOnlyList<KillSwitch> _switches = [];
    private long _version;
    private KillSwitch? _selected;
    private string? _reason;
    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);
    private string? _validation;
    private LiveWatcher? _watcher;

    [Inject] public required KillSwitchService Switches { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, batch => InvokeAsync(() =>
        {
            foreach (var e in batch.Where(e => e.Kind == "kill-switch.flipped" && e.Summary is not null))
            {
                Ui.Tell(e.Summary!, Severity.Warning);
            }

            if (batch.Any(e => e.Kind == "kill-switch.flipped" && ContainmentFollowUp.ConcernsRollback(e.Subject)))
            {
                Ui.Tell("Bad-pack kill switch changed: if it is on, start a rollback to the last known good from its row.", Severity.Info);
            }

            Reload();
            StateHasChanged();
        }), DispatchExceptionAsync, Topics.KillSwitches);
        Reload();
    }

    public void Dispose() => _watcher?.Dispose();

    // A global switch names no scope: the operator picks the scope to roll back on the scope list. The flip's
    // incident, if it named one, goes along so the rollback lands on that incident's timeline.
    private static string RollbackHref(KillSwitch s)
    {
        var incident = s.LastChange?.IncidentId is { } id ? $"?incident={Uri.EscapeDataString(id)}" : string.Empty;
        return s.Scope == KillSwitch.GlobalScope ? "scopes" : $"scopes/{Uri.EscapeDataString(s.Scope)}{incident}";
    }

    private void Reload()
    {
        var snapshot = Switches.Snapshot();
        _switches = snapshot.Switches;
        _version = snapshot.Version;
        _selected = _selected is null ? null : _switches.FirstOrDefault(s => s.Id == _selected.Id);
    }

    private void Select(KillSwitch? s)
    {
        _selected = s;
        _reason = null;
        _validation = null;
    }

    private void ToggleHistory(string switchId)
    {
        if (!_expanded.Remove(switchId))
        {
            _expanded.Add(switchId);
        }
    }

    private Task SetProtectiveAsync(bool protective) => Ui.TryAsync(async () =>
    {
        var s = _selected!;
        await Switches.EditAsync(await Current.GetAsync(), s.Key, s.Scope, s.Description, s.DefaultOn, protective);
        Reload();
    }, protective ? "Turning this switch off now needs a confirmation." : "Turning this switch off no longer needs a confirmation.");

    private Task DrillAsync() => Ui.TryAsync(async () =>
    {
        var s = _selected!;
        await Switches.DrillAsync(await Current.GetAsync(), s.Key, s.Scope, _reason);
        _reason = null;
        Reload();
    }, "Drill recorded; the switch is marked tested.");

    private Task ValidateAsync() => Ui.TryAsync(async () =>
    {
        var s = _selected!;
        await Switches.RecordValidationAsync(await Current.GetAsync(), s.Key, s.Scope, _validation);
        _validation = null;
        Reload();
    }, "Validation result recorded.");
}
