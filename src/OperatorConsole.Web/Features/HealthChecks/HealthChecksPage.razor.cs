using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.HealthChecks;

public sealed partial class HealthChecksPage : IDisposable
{
    private IReadOnlyList<CheckView> _checks = [];
    private ScheduledCheck? _selected;
    private bool _demoFailing;
    private bool _mayEdit;
    private bool _mayRun;
    private LiveWatcher? _watcher;

    [Inject] public required ScheduledCheckService Checks { get; init; }
    [Inject] public required ScheduledCheckRunner Runner { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    protected override async Task OnInitializedAsync()
    {
        var actor = await Current.GetAsync();
        (_mayEdit, _mayRun) = (ScheduledCheckService.MayEdit(actor), ScheduledCheckService.MayRun(actor));
        _watcher = LiveWatcher.Start(Live, batch => InvokeAsync(() =>
        {
            foreach (var e in batch.Where(e => e.Kind == HealthCheckEvents.Alert && e.Summary is not null))
            {
                Ui.Tell(e.Summary!, Severity.Warning);
            }

            Reload();
            StateHasChanged();
        }), DispatchExceptionAsync, Topics.HealthChecks);
        Reload();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Reload()
    {
        _checks = Checks.List();
        _demoFailing = Checks.DemoFailing;
        _selected = _selected is null ? null : _checks.Select(c => c.Check).FirstOrDefault(c => c.Id == _selected.Id);
    }

    private void Select(CheckView? view) => _selected = view?.Check;

    private Task RunNowAsync(string id) => Ui.TryAsync(async () =>
    {
        var result = await Runner.RunNowAsync(await Current.GetAsync(), id);
        Ui.Tell($"{(result.Passed ? "Passed" : "Failed")}: {result.Reason}", result.Passed ? Severity.Success : Severity.Warning);
        Reload();
    });

    private Task ToggleDemoAsync() => Ui.TryAsync(async () =>
    {
        await Checks.SetDemoFailingAsync(await Current.GetAsync(), !_demoFailing);
        Reload();
    }, _demoFailing ? "Demo targets healthy again; the demo checks run now." : "Demo targets now fail; the demo checks run now.");

    private async Task DeleteAsync()
    {
        var s = _selected!;
        if (await Dialogs.ShowMessageBoxAsync("Delete health check?", $"{s.Name} and its history are removed; a firing alert of it is resolved.",
                yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }

        await Ui.TryAsync(async () =>
        {
            await Checks.DeleteAsync(await Current.GetAsync(), s.Id);
            _selected = null;
            Reload();
        }, $"Health check {s.Name} deleted.");
    }

    private static string Threshold(ScheduledCheck c) =>
        c.JsonPath is null ? $"→ {c.ExpectedStatus}" : $"→ {c.ExpectedStatus}, {c.JsonPath} {c.Operator} {c.Threshold}";

    private static string Every(ScheduledCheck c) =>
        c.IntervalSeconds % 3600 == 0 ? $"{c.IntervalSeconds / 3600} h" : c.IntervalSeconds % 60 == 0 ? $"{c.IntervalSeconds / 60} min" : $"{c.IntervalSeconds} s";

    private static Color StatusColor(string status) => status switch
    {
        "passing" => Color.Success,
        "failing" => Color.Error,
        _ => Color.Default,
    };
}
