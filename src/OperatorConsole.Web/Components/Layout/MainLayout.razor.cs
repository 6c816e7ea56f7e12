using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Users;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>
/// The shell: navigation, dark mode, the SEV-1 alert that everyone online must see, and the error boundary around the
/// page, so an exception a page lets through shows a notice instead of ending the user's circuit.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    /// <summary>What MudIconButton renders with Color.Inherit, for the shell's buttons written as plain elements.</summary>
    public const string IconButtonClass = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    private bool _drawerOpen = true;
    private bool _darkMode;
    private IReadOnlyList<Incident> _openSev1 = [];
    private LiveWatcher? _watcher;
    private ErrorBoundary? _boundary;

    [Inject] private CurrentActor Current { get; set; } = default!;
    [Inject] private UserService Users { get; set; } = default!;
    [Inject] private UiActions Ui { get; set; } = default!;
    [Inject] private IncidentService Incidents { get; set; } = default!;
    [Inject] private ILiveEventSource Live { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Subscribe before the first await, so nothing published while we load is missed.
        _watcher = LiveWatcher.Start(Live, OnIncidentsChangedAsync, DispatchExceptionAsync, Topics.Incidents);
        _openSev1 = Incidents.OpenSev1();
        var actor = await Current.GetAsync();
        _darkMode = Users.Find(actor.Id)?.DarkMode ?? false;
    }

    /// <summary>
    /// A static page (an incident for someone who only watches it) has no circuit to answer the shell's buttons, so it
    /// shows none; a prerender of an interactive page has an assigned render mode and shows them.
    /// </summary>
    private bool IsStatic => !RendererInfo.IsInteractive && AssignedRenderMode is null;

    /// <summary>A page that failed is left behind on navigation: the next page starts clean.</summary>
    protected override void OnParametersSet() => _boundary?.Recover();

    public void Dispose() => _watcher?.Dispose();

    private Task OnIncidentsChangedAsync(IReadOnlyList<LiveEvent> batch) => InvokeAsync(() =>
    {
        var before = _openSev1.Select(i => i.Id).ToHashSet();
        _openSev1 = Incidents.OpenSev1();
        foreach (var incident in _openSev1.Where(i => !before.Contains(i.Id)))
        {
            Ui.Alarm($"SEV-1 {incident.Id}: {incident.Title}");
        }

        StateHasChanged();
    });

    private Task ToggleDarkModeAsync() => Ui.TryAsync(async () =>
    {
        _darkMode = !_darkMode;
        await Users.SetDarkModeAsync(await Current.GetAsync(), _darkMode);
    });
}
