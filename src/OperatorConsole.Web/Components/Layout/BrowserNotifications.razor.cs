using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>
/// Browser notifications, for someone who opted in, when a SEV-1 opens (or an incident becomes one) and when a
/// lockdown is engaged: the two things that must reach a person whose console tab is in the background.
/// </summary>
public sealed partial class BrowserNotifications : IAsyncDisposable
{
    private readonly HashSet<string> _announcedSev1 = [];
    private IJSObjectReference? _module;
    private LiveWatcher? _watcher;
    private string _state = "unsupported";

    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required IncidentService Incidents { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, OnEventsAsync, DispatchExceptionAsync, Topics.Incidents, Topics.Lockdown);
        _announcedSev1.UnionWith(Incidents.List().Where(IsOpenSev1).Select(i => i.Id));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/notify.js");
            _state = await _module.InvokeAsync<string>("state");
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is already gone, and the module with it.
            }
        }
    }

    private static bool IsOpenSev1(Incident incident) => incident.IsOpen && incident.Severity == IncidentSeverity.Sev1;

    private async Task AskAsync()
    {
        _state = await _module!.InvokeAsync<string>("ask");
    }

    private Task OnEventsAsync(IReadOnlyList<LiveEvent> batch) => InvokeAsync(async () =>
    {
        foreach (var e in batch)
        {
            if (e.Topic == Topics.Lockdown && e.Kind == LockdownEvents.Engaged)
            {
                await ShowAsync("Emergency lockdown engaged", e.Summary ?? $"by {e.ActorName}", "lockdown");
            }
            else if (e.Topic == Topics.Incidents && Incidents.Get(e.Subject) is { } incident && IsOpenSev1(incident)
                && _announcedSev1.Add(incident.Id))
            {
                await ShowAsync($"SEV-1 {incident.Id}", incident.Title, incident.Id);
            }
        }
    });

    private async Task ShowAsync(string title, string body, string tag)
    {
        if (_module is not null && _state == "granted")
        {
            await _module.InvokeVoidAsync("show", title, body, tag);
        }
    }
}
