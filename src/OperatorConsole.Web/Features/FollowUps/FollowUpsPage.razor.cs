using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.FollowUps;

public sealed partial class FollowUpsPage : IDisposable
{
    private IReadOnlyList<OpenFollowUp> _open = [];
    private LiveWatcher? _watcher;

    [Inject] public required PostIncidentService Records { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override void OnInitialized()
    {
        // Saves and ticks publish on Topics.Incidents, so one topic covers every record.
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { _open = Records.OpenFollowUps(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Incidents);
        _open = Records.OpenFollowUps();
    }

    public void Dispose() => _watcher?.Dispose();

    private Task MarkDoneAsync(OpenFollowUp f) => Ui.TryAsync(async () =>
    {
        await Records.SetFollowUpDoneAsync(await Current.GetAsync(), f.IncidentId, f.FollowUpId);
        _open = Records.OpenFollowUps();
    }, $"“{f.Text}” is done.");
}
