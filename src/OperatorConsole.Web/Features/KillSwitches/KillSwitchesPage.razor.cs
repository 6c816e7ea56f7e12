using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.KillSwitches;

public sealed partial class KillSwitchesPage : IDisposable
{
    private readonly KillSwitchFeed _feed = new();
    private KillSwitchSnapshot _shown = new(0, true, []);
    private IReadOnlyList<KillSwitch> _switches = [];
    private long _version;
    private KillSwitch? _selected;
    private string? _reason;
    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);
    private string? _validation;
    private IDisposable? _watch;
    private string _me = string.Empty;

    [Inject] public required KillSwitchService Switches { get; init; }
    [Inject] public required KillSwitchBoard Board { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override async Task OnInitializedAsync()
    {
        // Watch before the first read, so a change committed in between is not missed.
        _watch = Board.Watch(OnChangedAsync, DispatchExceptionAsync);
        Show(Board.Current.Value);
        _me = (await Current.GetAsync()).DisplayName;
    }

    public void Dispose() => _watch?.Dispose();

    private Task OnChangedAsync(Versioned<KillSwitchSnapshot> next, IReadOnlyList<LiveEvent> changes) => InvokeAsync(() =>
    {
        // Only the changed rows and the page's line render, in one batch (see KillSwitchFeed). Others' changes are told
        // in the line's status text, not a toast: on every open page a toast cost four renders and its transitions per flip.
        var changed = KillSwitchChanges.Between(_shown, next.Value);
        Show(next.Value);
        var notice = ChangeDigest.OfOthers(changes, _me);
        if (changed is null || changed.Any(s => s.Id == _selected?.Id))
        {
            _feed.Tell(_version, notice, StateHasChanged);
        }
        else
        {
            _feed.Show(_version, changed, notice);
        }

        if (changes.Any(e => e.Kind == KillSwitchEvents.Flipped && ContainmentFollowUp.ConcernsRollback(e.Subject)))
        {
            Ui.Tell("Bad-pack kill switch changed: if it is on, start a rollback to the last known good from its row.", Severity.Info);
        }
    });

    // The page holds the board's shared list itself: no copy, no store read.
    private void Show(KillSwitchSnapshot snapshot)
    {
        _shown = snapshot;
        _switches = snapshot.Switches;
        _version = snapshot.Version;
        _selected = _selected is null ? null : _switches.FirstOrDefault(s => s.Id == _selected.Id);
    }

    // After the person's own change the board may not hold it yet; its event re-renders the page a moment later.
    private void Reload() => Show(Board.Snapshot());

    // The table may still hold the row's state from before a flip its row showed alone: take the current one.
    private void Select(KillSwitch? s)
    {
        _selected = s is null ? null : _switches.FirstOrDefault(x => x.Id == s.Id) ?? s;
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
