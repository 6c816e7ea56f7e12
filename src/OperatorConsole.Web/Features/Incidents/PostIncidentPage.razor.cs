using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Incidents;

public sealed partial class PostIncidentPage : IDisposable
{
    private Incident? _incident;
    private PostIncidentRecord? _record;
    private PostIncidentDraft _draft = new();
    private IReadOnlyList<string> _problems = [];
    private List<BreadcrumbItem> _crumbs = [];
    private Actor? _actor;
    private bool _canEdit;
    private LiveWatcher? _watcher;

    [Parameter] public string Id { get; set; } = string.Empty;

    [Inject] public required IncidentService Incidents { get; init; }
    [Inject] public required PostIncidentService Records { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required ActorPermissions Permissions { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    private IReadOnlyList<string> Gaps => _record is null || _record.IsComplete ? [] : PostIncidentRecord.Gaps(_record.Summary, _record.RootCause);

    protected override async Task OnParametersSetAsync()
    {
        _watcher?.Dispose();
        _actor = await Current.GetAsync();
        _canEdit = (await Permissions.CheckAsync(PostIncidentActions.Save)).Allowed;
        _incident = Incidents.Get(Id);
        if (_incident is null)
        {
            return;
        }

        _record = Records.Get(Id);
        _draft = Records.Draft(Id);
        _crumbs = [new("Incidents", "incidents"), new(_incident.Id, IncidentLinks.Watch(_incident.Id)), new("Post-incident record", null, disabled: true)];

        // Live updates refresh what is saved (state line, done ticks) but never overwrite the form being typed in.
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { _record = Records.Get(Id); StateHasChanged(); }), DispatchExceptionAsync, Topics.Incident(Id));
    }

    public void Dispose() => _watcher?.Dispose();

    private async Task SaveAsync()
    {
        _problems = _draft.Problems(DateOnly.FromDateTime(_incident!.OpenedAt.UtcDateTime));
        if (_problems.Count > 0)
        {
            return;
        }

        PostIncidentRecord? saved = null;
        if (await Ui.TryAsync(async () => saved = await Records.SaveAsync(_actor!, Id, _draft), "Post-incident record saved."))
        {
            _record = saved;

            // New rows now have ids; a second save must update them, not add them again.
            _draft = PostIncidentDraft.From(saved!);
        }
    }

    private Task MarkDoneAsync(FollowUp followUp) => Ui.TryAsync(async () =>
    {
        await Records.SetFollowUpDoneAsync(_actor!, Id, followUp.Id);
        _record = Records.Get(Id);
    }, $"“{followUp.Text}” is done.");
}
