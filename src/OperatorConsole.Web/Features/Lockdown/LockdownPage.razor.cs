using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Lockdown;

/// <summary>
/// The panic button, the release (request, then a second person confirms from the same list), history and settings.
/// The confirmation token stays in this component: the person sees only the dialog saying what will happen.
/// </summary>
public sealed partial class LockdownPage : IDisposable
{
    private bool _loading = true;
    private bool _busy;
    private Actor? _me;
    private LockdownRecord? _active;
    private IReadOnlyList<LockdownRecord> _history = [];
    private string? _reason;
    private string? _incidentId;
    private string? _releaseReason;
    private LiveWatcher? _watcher;

    [Inject] public required LockdownService Lockdown { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() =>
        {
            Reload();
            StateHasChanged();
        }), DispatchExceptionAsync, Topics.Lockdown);
        Reload();
        _me = await Current.GetAsync();
        _loading = false;
    }

    public void Dispose() => _watcher?.Dispose();

    // An expired request can no longer be confirmed; it stays on the record but not in the list.
    private List<PendingRelease> OpenRequests(LockdownRecord lockdown) =>
        [.. lockdown.PendingReleases.Where(p => p.ExpiresAt > Clock.GetUtcNow())];

    private void Reload()
    {
        _active = Lockdown.Active();
        _history = Lockdown.History();
    }

    private async Task EngageAsync()
    {
        if (string.IsNullOrWhiteSpace(_reason))
        {
            Ui.Tell("Give a reason for the lockdown.", Severity.Warning);
            return;
        }

        var yes = await Dialogs.ShowMessageBoxAsync(
            "Engage emergency lockdown?",
            $"The console records every kill switch and open incident as a sealed snapshot, then refuses every management action for everyone " +
            $"until two people release it. Everyone online is alerted. Reason: \"{_reason.Trim()}\".",
            yesText: "Lock the console down", cancelText: "Cancel");
        if (yes != true)
        {
            return;
        }

        await RunAsync(async actor =>
        {
            await Lockdown.EngageAsync(actor, _reason, _incidentId);
            _reason = null;
            _incidentId = null;
        });
    }

    private async Task RequestReleaseAsync()
    {
        if (string.IsNullOrWhiteSpace(_releaseReason))
        {
            Ui.Tell("Say why it is safe to release.", Severity.Warning);
            return;
        }

        var yes = await Dialogs.ShowMessageBoxAsync(
            "Release the lockdown?",
            $"This asks to release lockdown {_active!.Id} (engaged by {_active.EngagedByName}) with the reason \"{_releaseReason.Trim()}\". " +
            "Management actions work again once it is confirmed. Under four-eyes a second OnCall or IncidentOwner must confirm it on this page " +
            "within two minutes; otherwise it is released at once.",
            yesText: "Request release", cancelText: "Cancel");
        if (yes != true)
        {
            return;
        }

        await RunAsync(async actor =>
        {
            if (await Lockdown.ReleaseAsync(actor, _releaseReason) is null)
            {
                Ui.Tell("Release requested: waiting for a second person to confirm it.", Severity.Info);
            }

            _releaseReason = null;
        });
    }

    private async Task ConfirmAsync(PendingRelease pending)
    {
        var yes = await Dialogs.ShowMessageBoxAsync(
            "Confirm the release?",
            $"You confirm, as the second person, {pending.RequestedByName}'s request to release the lockdown: \"{pending.Reason}\". " +
            "The console leaves lockdown at once and management actions work again for everyone.",
            yesText: "Confirm release", cancelText: "Cancel");
        if (yes == true)
        {
            await RunAsync(actor => Lockdown.ConfirmReleaseRequestAsync(actor, pending.RequestId));
        }
    }

    private async Task RunAsync(Func<Actor, Task> action)
    {
        _busy = true;
        try
        {
            await Ui.TryAsync(async () => await action(await Current.GetAsync()));
            Reload();
        }
        finally
        {
            _busy = false;
        }
    }
}
