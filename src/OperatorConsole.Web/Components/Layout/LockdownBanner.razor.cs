using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>
/// Shows the active lockdown and tells everyone online, in a snackbar, when it is engaged, asked to be released, or
/// released. Every page's banner reads the one shared <see cref="LockdownBoard"/>, so a change is one store read.
/// </summary>
public sealed partial class LockdownBanner : IDisposable
{
    private LockdownRecord? _active;
    private IDisposable? _watch;

    [Inject] public required LockdownBoard Board { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override void OnInitialized()
    {
        // A render without a circuit (a static page, a prerender) is read once and never watched. A static page is asked
        // for again when the hub tells its browser of a lockdown change, which can be before the shared board has taken
        // the change in (or, with several instances, before it was relayed here): that render reads what is committed.
        if (!RendererInfo.IsInteractive)
        {
            _active = Board.Committed().Active;
            return;
        }

        _watch = Board.Watch(OnLockdownChangedAsync, DispatchExceptionAsync);
        _active = Board.Current.Value.Active;
    }

    public void Dispose() => _watch?.Dispose();

    private Task OnLockdownChangedAsync(Versioned<LockdownNow> next, IReadOnlyList<LiveEvent> changes) => InvokeAsync(() =>
    {
        foreach (var e in changes.Where(e => e.Summary is not null && e.Kind != LockdownEvents.SettingsChanged))
        {
            Ui.Tell(e.Summary!, e.Kind switch
            {
                LockdownEvents.Engaged => Severity.Error,
                LockdownEvents.Released => Severity.Success,
                LockdownEvents.ReleaseRequested => Severity.Warning,
                _ => Severity.Info,
            });
        }

        _active = next.Value.Active;
        StateHasChanged();
    });
}
