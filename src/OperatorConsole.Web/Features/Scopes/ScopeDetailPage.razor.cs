using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Scopes;

public sealed partial class ScopeDetailPage : IDisposable
{
    private ScopeDetail? _detail;
    private ObjectiveProof? _proof;
    private RollbackRun? _running;
    private IReadOnlyList<RollbackRun> _rollbacks = [];
    private readonly Dictionary<string, ChecksumReport> _reports = new(StringComparer.Ordinal);
    private List<BreadcrumbItem> _crumbs = [];
    private string? _incidentId;
    private int _confirmedMinutesAgo;
    private LiveWatcher? _watcher;

    [Parameter] public string Id { get; set; } = string.Empty;

    /// <summary>Prefills the incident when the rollback is offered from an incident or a kill-switch flip that named one.</summary>
    [SupplyParameterFromQuery(Name = "incident")] public string? Incident { get; set; }

    [Inject] public required ScopeService Scopes { get; init; }
    [Inject] public required RollbackService Rollbacks { get; init; }
    [Inject] public required RollbackObjective Objective { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private bool CanRollBack => _detail?.Active is not null && _detail.LastKnownGood is not null && _detail.Active.Id != _detail.LastKnownGood.Id;

    protected override void OnParametersSet()
    {
        _incidentId ??= Incident;
        _watcher?.Dispose();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Scope(Id), Topics.Rollbacks);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        _detail = Scopes.Get(Id) is null ? null : Scopes.Detail(Id);
        if (_detail is null)
        {
            return;
        }

        _proof = _detail.Scope.DrillTarget ? Objective.Proof(Id) : Objective.Proof();
        _rollbacks = Rollbacks.List(Id);
        _running = _rollbacks.FirstOrDefault(r => r.Status == RollbackStatus.Running);
        _crumbs = [new("Scopes", "scopes"), new(_detail.Scope.Name, null, disabled: true)];
    }

    private ChecksumReport? Report(ManifestSummary? m) => m is not null && _reports.TryGetValue(m.Id, out var r) ? r : null;

    private Task VerifyAsync(ManifestSummary manifest) => Ui.TryAsync(async () =>
    {
        var report = await Scopes.VerifyAsync(manifest.Id);
        _reports[manifest.Id] = report;
        Ui.Tell(report.AllMatch ? $"{manifest.Id}: every checksum matches." : $"{manifest.Id}: checksum mismatch.", report.AllMatch ? Severity.Success : Severity.Error);
    });

    private Task StartAsync(bool drill) => Ui.TryAsync(async () =>
    {
        var confirmed = _confirmedMinutesAgo > 0 ? Clock.GetUtcNow().AddMinutes(-_confirmedMinutesAgo) : (DateTimeOffset?)null;
        var run = await Rollbacks.StartAsync(await Current.GetAsync(), Id, _incidentId, drill, confirmed);
        Nav.NavigateTo($"rollbacks/{run.Id}");
    });

    /// <summary>Requests the token first (so a refusal shows before the dialog), then rebinds only if the dialog is confirmed.</summary>
    private Task RebindAsync(ManifestSummary target) => Ui.TryAsync(async () =>
    {
        var actor = await Current.GetAsync();
        var request = await Scopes.RequestRebindAsync(actor, Id, target.Id);
        var reason = await RebindDialog.AskAsync(Dialogs, Id, _detail!.Active, target, _detail.Scope.LastKnownGoodId, request.ExpiresAt, askReason: true);
        if (reason is null)
        {
            return;
        }

        var result = await Scopes.RebindAsync(actor, request.Token, Id, target.Id, reason);
        Ui.Tell($"{Id} now serves {result.Active.Id}; ledger entry #{result.LedgerSequence}.", Severity.Success);
        Load();
    });
}
