using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Alerts;

/// <summary>The Admin's editor of the alert matrix, with a live preview of which recent alerts a draft would match.</summary>
public sealed partial class AlertRulesPage : IDisposable
{
    private IReadOnlyList<AlertRule> _rules = [];
    private IReadOnlyList<RulePreview> _preview = [];
    private string? _previewProblem;
    private RuleForm _form = new();
    private string? _editingId;
    private Actor? _actor;
    private LiveWatcher? _watcher;

    [Inject] public required AlertRuleService Rules { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    [SupplyParameterFromQuery(Name = "alertname")] public string? AlertName { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _actor = await Current.GetAsync();
        _form.AlertName = AlertName;
        _rules = Rules.List();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { _rules = Rules.List(); Preview(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Alerts);
        Preview();
    }

    public void Dispose() => _watcher?.Dispose();

    /// <summary>A field that decides what matches changed: the preview follows at once.</summary>
    private void Set(Action<RuleForm> change)
    {
        change(_form);
        Preview();
    }

    private void Preview()
    {
        try
        {
            // The name and first action do not change what matches; placeholders let the preview run before they are typed.
            var draft = _form.ToDraft() with { Name = "preview", FirstAction = "preview" };
            _preview = Rules.Preview(_actor!, draft);
            _previewProblem = null;
        }
        catch (DomainException e)
        {
            _preview = [];
            _previewProblem = e.Message;
        }
    }

    private void Edit(AlertRule rule)
    {
        (_editingId, _form) = (rule.Id, RuleForm.From(rule));
        Preview();
    }

    private void New()
    {
        (_editingId, _form) = (null, new RuleForm());
        Preview();
    }

    private async Task SaveAsync()
    {
        var saved = await Ui.TryAsync(async () =>
        {
            var actor = await Current.GetAsync();
            _ = _editingId is null ? await Rules.CreateAsync(actor, _form.ToDraft()) : await Rules.UpdateAsync(actor, _editingId, _form.ToDraft());
        }, "Rule saved.");
        if (saved)
        {
            _rules = Rules.List();
            New();
        }
    }

    private async Task DeleteAsync()
    {
        if (await Ui.TryAsync(async () => await Rules.DeleteAsync(await Current.GetAsync(), _editingId!), "Rule deleted."))
        {
            _rules = Rules.List();
            New();
        }
    }

    private sealed class RuleForm
    {
        public string? Name { get; set; }
        public string? AlertName { get; set; }
        public string? Matchers { get; set; }
        public IncidentClass Class { get; set; } = IncidentClass.Other;
        public IncidentSeverity Severity { get; set; } = IncidentSeverity.Sev2;
        public int? Order { get; set; }
        public string? FirstAction { get; set; }
        public string? RunbookSlug { get; set; }
        public string? ScopeLabel { get; set; }
        public AlertRuleMode Mode { get; set; }
        public bool AutoStartRun { get; set; }

        public static RuleForm From(AlertRule r) => new()
        {
            Name = r.Name, AlertName = r.AlertName, Matchers = string.Join('\n', r.Matchers), Class = r.Class, Severity = r.Severity,
            Order = r.Order, FirstAction = r.FirstAction, RunbookSlug = r.RunbookSlug, ScopeLabel = r.ScopeLabel, Mode = r.Mode, AutoStartRun = r.AutoStartRun,
        };

        public AlertRuleDraft ToDraft() => new(Name ?? string.Empty, AlertName,
            [.. (Matchers ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Class, Severity, FirstAction ?? string.Empty, RunbookSlug, ScopeLabel, Mode, AutoStartRun, Order);
    }
}
