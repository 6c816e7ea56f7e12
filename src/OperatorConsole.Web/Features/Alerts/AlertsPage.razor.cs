using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.Web.Features.Alerts;

/// <summary>Recent alerts, or (at /alerts/unrouted) the inbox of alerts no rule routed; both live.</summary>
public sealed partial class AlertsPage : IDisposable
{
    private IReadOnlyList<AlertRecord> _alerts = [];
    private LiveWatcher? _watcher;
    private bool _canOpen;
    private bool _canEditRules;
    private IncidentClass _class = IncidentClass.Other;
    private IncidentSeverity _severity = IncidentSeverity.Sev3;

    [Inject] public required AlertService Alerts { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private bool Unrouted => Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith("alerts/unrouted", StringComparison.Ordinal);

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Current.GetAsync();
        _canOpen = AlertService.CanOpenIncident(actor);
        _canEditRules = AlertRuleService.CanEdit(actor);
        _watcher?.Dispose();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Alerts);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load() => _alerts = Alerts.Recent(Unrouted ? false : null);

    private async Task OpenAsync(string alertId)
    {
        Incident? incident = null;
        await Ui.TryAsync(async () => incident = await Alerts.OpenIncidentAsync(await Current.GetAsync(), alertId, _class, _severity));
        if (incident is not null)
        {
            Navigation.NavigateTo(IncidentLinks.Act(incident.Id));
        }
    }
}
