using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Alerts;

/// <summary>The top of an incident an alert opened: the rule's first action, "Run" for the runbook that came with it, its alerts and silences.</summary>
public sealed partial class IncidentAlertPanel
{
    private IReadOnlyList<AlertRecord> _alerts = [];
    private IReadOnlyList<AlertSilence> _silences = [];
    private Runbook? _runbook;
    private int _minutes = 60;

    [Parameter, EditorRequired] public required Incident Incident { get; set; }

    /// <summary>Called after a silence changes, so the page can reload its timeline.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>Shows what is there and no controls, for someone who only watches the incident (its static page).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    [Inject] public required AlertService Alerts { get; init; }
    [Inject] public required AlertSilenceService Silences { get; init; }
    [Inject] public required RunbookService Runbooks { get; init; }
    [Inject] public required RunService Runs { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override void OnParametersSet()
    {
        _alerts = Alerts.Recent(incidentId: Incident.Id);
        _silences = Silences.ForIncident(Incident.Id);
        var slug = Incident.RunbookSlug ?? _alerts.Select(a => a.RunbookSlug).FirstOrDefault(s => s is not null);
        _runbook = slug is null ? null : Runbooks.Get(slug);
    }

    private async Task RunAsync()
    {
        var runId = (string?)null;
        await Ui.TryAsync(async () => runId = (await Runs.StartAsync(await Current.GetAsync(), _runbook!.Slug, incidentId: Incident.Id)).Id);
        if (runId is not null)
        {
            Navigation.NavigateTo($"runs/{runId}");
        }
    }

    private async Task SilenceAsync()
    {
        await Ui.TryAsync(async () => await Silences.SilenceAsync(await Current.GetAsync(), Incident.Id, TimeSpan.FromMinutes(_minutes)),
            "Silenced in Alertmanager.");
        OnParametersSet();
        await Changed.InvokeAsync();
    }

    private async Task ExpireAsync(string silenceId)
    {
        await Ui.TryAsync(async () => await Silences.ExpireAsync(await Current.GetAsync(), silenceId), "Silence expired.");
        OnParametersSet();
        await Changed.InvokeAsync();
    }
}
