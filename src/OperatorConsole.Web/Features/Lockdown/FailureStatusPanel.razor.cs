using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Lockdown;

/// <summary>Live failure status; the reset asks for a token and uses it at once behind a dialog saying what happens.</summary>
public sealed partial class FailureStatusPanel : IDisposable
{
    private FailureState _state = FailureState.Normal;
    private string? _reason;
    private LiveWatcher? _watcher;

    [Inject] public required FailureStatusService Status { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() =>
        {
            _state = Status.Current();
            StateHasChanged();
        }), DispatchExceptionAsync, Topics.FailureStatus);
        _state = Status.Current();
    }

    public void Dispose() => _watcher?.Dispose();

    private async Task ResetAsync()
    {
        if (string.IsNullOrWhiteSpace(_reason))
        {
            Ui.Tell("Say why it is safe to reset the failure status.", Severity.Warning);
            return;
        }

        var yes = await Dialogs.ShowMessageBoxAsync(
            "Reset the failure status?",
            $"The failure status {_state.Mode} (reported by {_state.ReportedBy}) returns to NORMAL with the reason \"{_reason.Trim()}\". " +
            "Services reading it treat the console as healthy again.",
            yesText: "Reset to NORMAL", cancelText: "Cancel");
        if (yes != true)
        {
            return;
        }

        await Ui.TryAsync(async () =>
        {
            var actor = await Current.GetAsync();
            var request = await Status.RequestResetAsync(actor, _reason);
            _state = await Status.ResetAsync(actor, request.Token, _reason);
            _reason = null;
        }, "Failure status reset to NORMAL.");
    }
}
