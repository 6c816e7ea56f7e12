using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Overview;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Home;

/// <summary>
/// The home page: Core's command-centre answer for the signed-in user, asked again whenever one of its topics moves
/// (a burst of events within the live batch window costs one read and one render).
/// </summary>
public sealed partial class CommandCentrePage : IDisposable
{
    private CommandCentreView? _view;
    private LiveWatcher? _watcher;

    [Inject] public required CommandCentre Centre { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    protected override async Task OnInitializedAsync()
    {
        // Subscribe before the first read, so a change committed in between is not missed.
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), DispatchExceptionAsync, [.. CommandCentre.Topics]);
        await LoadAsync();
    }

    public void Dispose() => _watcher?.Dispose();

    private async Task LoadAsync() => _view = Centre.For(await Current.GetAsync());
}
