using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.LaunchDay;

/// <summary>
/// The launch-day dashboard, live for everyone watching: every change to the launch (or to the data the gate is computed
/// from) re-reads <see cref="LaunchService.View"/>, which says what this person sees and may do. No decision is made here.
/// </summary>
public sealed partial class LaunchDayPage : IDisposable
{
    private LaunchView? _view;
    private bool _missing;
    private List<BreadcrumbItem> _crumbs = [];
    private LaunchStepKind? _running;
    private bool _busy;
    private string? _configError;
    private Actor? _actor;
    private LiveWatcher? _watcher;

    [Parameter] public string Id { get; set; } = string.Empty;

    [Inject] public required LaunchService Launches { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    private Launch Launch => _view!.Launch;

    protected override async Task OnParametersSetAsync()
    {
        _watcher?.Dispose();
        // The gate reads drills, switches and alert rules, and what a person may do reads their roles: those topics re-read too.
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync,
            Topics.Launch(Id), Topics.Launches, Topics.Rollbacks, Topics.KillSwitches, Topics.Alerts, Topics.Users);
        _actor = await Current.GetAsync();
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        _crumbs = [new("Launch day", "launches"), new(Id, null, disabled: true)];
        try
        {
            _view = Launches.View(_actor!, Id);
            _missing = false;
        }
        catch (NotFoundException)
        {
            (_view, _missing) = (null, true);
        }
    }

    private Permission StepPermission(LaunchStepKind kind) =>
        kind == LaunchStepKind.EvidenceArchived ? _view!.Archive : _view!.Steps.GetValueOrDefault(kind, Permission.Granted);

    private string? ActionLabel(LaunchStepKind kind) => _view!.Complete ? null : kind switch
    {
        LaunchStepKind.FirstPublishValidated => "Validate the first publish",
        LaunchStepKind.ProductionProbes => "Run production probes",
        LaunchStepKind.LiveAppFetch => "Run live app fetch",
        LaunchStepKind.EvidenceArchived => "Archive evidence and complete",
        _ => null,
    };

    private async Task RunAsync(LaunchStepKind kind)
    {
        (_running, _busy) = (kind, true);
        await Ui.TryAsync(async () =>
        {
            var launch = kind switch
            {
                LaunchStepKind.FirstPublishValidated => await Launches.ValidateFirstPublishAsync(_actor!, Id),
                LaunchStepKind.ProductionProbes => await Launches.RunProductionProbesAsync(_actor!, Id),
                LaunchStepKind.LiveAppFetch => await Launches.RunLiveFetchAsync(_actor!, Id),
                _ => (await Launches.ArchiveAsync(_actor!, Id)).Launch,
            };
            var step = launch.Step(kind);
            Ui.Tell($"{LaunchStepText.Title(kind)}: {step.Summary ?? LaunchStepText.State(step.State)}",
                step.State == LaunchStepState.Passed ? Severity.Success : Severity.Warning);
        });
        (_running, _busy) = (null, false);
        Load();
    }

    /// <summary>Called by the form (a plain delegate, not an EventCallback), so this page re-renders itself.</summary>
    private async Task<bool> SubmitConfigAsync(string text, string? format)
    {
        (_running, _busy) = (LaunchStepKind.ConfigVerified, true);
        StateHasChanged();
        var done = await ConfigAsync(() => Launches.SubmitConfigAsync(_actor!, Id, text, format));
        (_running, _busy) = (null, false);
        StateHasChanged();
        return done;
    }

    private async Task FetchConfigAsync()
    {
        (_running, _busy) = (LaunchStepKind.ConfigVerified, true);
        await ConfigAsync(() => Launches.FetchConfigAsync(_actor!, Id));
        (_running, _busy) = (null, false);
    }

    /// <summary>A refused config (not parseable, too large) is shown under the field as Core words it, and changes nothing.</summary>
    private async Task<bool> ConfigAsync(Func<Task<Launch>> submit)
    {
        _configError = null;
        try
        {
            var step = (await submit()).Step(LaunchStepKind.ConfigVerified);
            Ui.Tell($"Config: {step.Summary ?? LaunchStepText.State(step.State)}", step.State == LaunchStepState.Passed ? Severity.Success : Severity.Warning);
            return true;
        }
        catch (DomainValidationException refusal)
        {
            _configError = refusal.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? refusal.Message;
            return false;
        }
        catch (DomainException refusal)
        {
            Ui.Tell(refusal.Message, UiActions.SeverityOf(refusal));
            return false;
        }
        finally
        {
            Load();
        }
    }

    /// <summary>Called by a sign-off card (a plain delegate, not an EventCallback), so this page re-renders itself.</summary>
    private async Task<bool> SignAsync(SignOffArea area, string statement)
    {
        _busy = true;
        StateHasChanged();
        var done = await Ui.TryAsync(() => Launches.SignOffAsync(_actor!, Id, area, statement), $"{LaunchStepText.Area(area)} signed off.");
        _busy = false;
        Load();
        StateHasChanged();
        return done;
    }
}
