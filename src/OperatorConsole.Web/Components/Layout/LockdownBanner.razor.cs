using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>Shows the active lockdown and tells everyone online, in a snackbar, when it is engaged, asked to be released, or released.</summary>
public sealed partial class LockdownBanner : IDisposable
{
    private LockdownRecord? _active;
    private LiveWatcher? _watcher;

    [Inject] public required LockdownService Lockdown { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, OnLockdownChangedAsync, DispatchExceptionAsync, Topics.Lockdown);
        _active = Lockdown.Active();
    }

    public void Dispose() => _watcher?.Dispose();

    private Task OnLockdownChangedAsync(IReadOnlyList<LiveEvent> batch) => InvokeAsync(() =>
    {
        foreach (var e in batch.Where(e => e.Summary is not null && e.Kind != LockdownEvents.SettingsChanged))
        {
            Ui.Tell(e.Summary!, e.Kind switch
            {
                LockdownEvents.Engaged => Severity.Error,
                LockdownEvents.Released => Severity.Success,
                LockdownEvents.ReleaseRequested => Severity.Warning,
                _ => Severity.Info,
            });
        }

        _active = Lockdown.Active();
        StateHasChanged();
    });
}
