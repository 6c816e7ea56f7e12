using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Incidents;

public sealed partial class IncidentDetail : IDisposable
{
    private Incident? _incident;
    private IncidentTimelineView? _timelineView;
    private IReadOnlyList<EvidenceRecord> _evidence = [];
    private IReadOnlyList<Attachment> _attachments = [];
    private IReadOnlyList<string> _blockers = [];
    private IReadOnlyList<string> _evidenceProblems = [];
    private string _postIncidentSummary = string.Empty;

    // Null until the evidence form is opened: the prefill is read then, not with every visit to the page.
    private EvidenceDraft? _draft;
    private string? _reason;
    private IncidentSeverity _newSeverity;
    private bool _severitiesOpen;
    private string? _severityReason;
    private LiveWatcher? _watcher;

    // Whether this is the watch page (Core's IncidentPageActions): it is then rendered statically, without a circuit.
    private bool _watching;

    // Whether this person may make one of the page's changes: the watch page then offers the page with its controls.
    private bool _mayAct;

    // Set when an interactive render is reloading the page to get it static: nothing is rendered in between.
    private bool _leaving;

    // The static page's incident part, shared with other watchers asking for the same (WatchPageRenders).
    private SharedRender? _shared;

    [Parameter] public string Id { get; set; } = string.Empty;

    /// <summary>Set by <see cref="WatchPageRenders"/>: this render is the static page's incident part, to be shared.</summary>
    [Parameter] public bool SharedPart { get; set; }

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    /// <summary>The static page's timeline filter, from its address (the interactive page filters in place).</summary>
    [SupplyParameterFromQuery(Name = "kind")] public string? TimelineKind { get; set; }

    /// <summary>Asks for the page with its controls (<see cref="IncidentLinks.Act"/>); the watch page otherwise.</summary>
    [SupplyParameterFromQuery(Name = WatchOnlyPage.ModeQuery)] public string? Mode { get; set; }

    /// <summary>The static page's timeline page, by its anchor's key (<see cref="TimelineCursor.Key"/>).</summary>
    [SupplyParameterFromQuery(Name = "before")] public string? TimelineBefore { get; set; }

    [Inject] public required IncidentService Incidents { get; init; }
    [Inject] public required EvidenceService EvidenceStore { get; init; }
    [Inject] public required RunService Runs { get; init; }
    [Inject] public required PostIncidentService PostIncidents { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required Core.Common.Permissions Permissions { get; init; }
    [Inject] public required WatchPageRenders SharedRenders { get; init; }
    [Inject] public required BrowserClock Clock { get; init; }
    [Inject] public required IOptions<ActPageOptions> ActPage { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Current.GetAsync();
        _mayAct = !IncidentPageActions.OnlyWatches(Permissions, actor);
        _watching = IncidentPageActions.Watches(Permissions, actor, WatchOnlyPage.AsksToAct(Mode));
        if (_watching)
        {
            await ShowToWatcherAsync();
            return;
        }

        _watcher?.Dispose();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(async () =>
        {
            Load();
            StateHasChanged();
            await RefreshTimelineAsync();
        }), DispatchExceptionAsync, Topics.Incident(Id), Topics.Incidents, Topics.Alerts);
        Load();
        if (_incident is not null)
        {
            _newSeverity = _incident.Severity;
        }
    }

    public void Dispose() => _watcher?.Dispose();

    /// <summary>
    /// The static page renders as it is. Reached inside a circuit (a link on the interactive incident list, or leaving the
    /// page with its controls), the page is loaded again from the server, which serves it static (<see cref="WatchOnlyPage"/>
    /// asks Core the same question), so it cannot come back here and the circuit ends. Never while prerendering: that is
    /// static already.
    /// </summary>
    private async Task ShowToWatcherAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            _leaving = true;
            Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            return;
        }

        if (SharedPart || HttpContext is null)
        {
            Load();
            return;
        }

        _shared = await SharedRenders.GetAsync(HttpContext, Id, await Current.GetAsync(), Clock.Zone);
    }

    private static string Format(TimeSpan t) => t.TotalMinutes < 1 ? $"{t.TotalSeconds:0}s" : t.TotalHours < 1 ? $"{t.TotalMinutes:0}m" : $"{t.TotalHours:0.0}h";

    private void Load()
    {
        _incident = Incidents.Get(Id);
        if (_incident is null)
        {
            return;
        }

        _evidence = Incidents.Evidence(Id);
        _postIncidentSummary = PostIncidents.Get(Id) is { } record
            ? $"Revision {record.Revision}, {(record.IsComplete ? "complete" : "incomplete")}, {record.FollowUps.Count(f => !f.Done)} open follow-up(s)."
            : "Not started.";
        _attachments = EvidenceStore.Attachments(Id);
        _blockers = _incident.Status == IncidentStatus.Closed ? [] : Incidents.ClosureBlockers(Id);
    }

    /// <summary>The timeline pages itself from the store; this asks it to read again.</summary>
    private Task RefreshTimelineAsync() => _timelineView?.RefreshAsync() ?? Task.CompletedTask;

    private Task Act(Func<Actor, Task> action, string? success = null) => Ui.TryAsync(async () =>
    {
        await action(await Current.GetAsync());
        Load();
        await RefreshTimelineAsync();
    }, success);

    private async Task MoveAsync(IncidentStatus to)
    {
        // Core says whether closing needs an override (other blockers are reported by the close itself); the dialog
        // only collects the reason, which Core checks and ledgers.
        string? overrideReason = null;
        if (to == IncidentStatus.Closed && _blockers.Count == 0 && IncidentObligations.CloseNeedsOverride(_incident!))
        {
            overrideReason = await CloseOverrideDialog.AskAsync(Dialogs, _incident!);
            if (overrideReason is null)
            {
                return;
            }
        }

        await Act(a => Incidents.MoveAsync(a, Id, to, obligationOverride: overrideReason), $"{Id} is now {to}.");
    }

    private async Task ReloadAsync()
    {
        Load();
        await RefreshTimelineAsync();
    }

    private Task ReopenAsync() => Act(a => Incidents.ReopenAsync(a, Id, _reason ?? string.Empty), "Reopened.");

    private Task TickAsync(string key) => Act(a => Incidents.TickObligationAsync(a, Id, key));

    private Task SetSeverityAsync() => Act(a => Incidents.SetSeverityAsync(a, Id, _newSeverity, _severityReason ?? string.Empty), "Severity changed.");

    private Task ConfirmClosureAsync() => Act(a => Incidents.ConfirmClosureConditionAsync(a, Id), "Closure condition confirmed.");

    private Task AddNoteAsync(string note) => Act(a => Incidents.AddNoteAsync(a, Id, note));

    private Task RecordDecisionAsync((string Decision, string Rationale) d) => Act(a => Incidents.RecordDecisionAsync(a, Id, d.Decision, d.Rationale), "Decision recorded.");

    private Task PinAsync((string EntryId, bool Pinned) p) => Act(a => Incidents.SetPinnedAsync(a, Id, p.EntryId, p.Pinned));

    private async Task PrefillEvidenceAsync() => _draft = Incidents.Prefill(await Current.GetAsync(), Id);

    private async Task RecordEvidenceAsync()
    {
        if (_draft is null)
        {
            return;
        }

        _evidenceProblems = _draft.Problems();
        if (_evidenceProblems.Count > 0)
        {
            return;
        }

        if (await Ui.TryAsync(async () => await Incidents.RecordEvidenceAsync(await Current.GetAsync(), Id, _draft), "Evidence recorded."))
        {
            _draft = Incidents.Prefill(await Current.GetAsync(), Id);
        }

        Load();
    }

    private async Task StartRunbookAsync()
    {
        RunbookRun? run = null;
        await Ui.TryAsync(async () => run = await Runs.StartForIncidentAsync(await Current.GetAsync(), Id));
        if (run is not null)
        {
            Navigation.NavigateTo($"runs/{run.Id}");
        }
    }
}
