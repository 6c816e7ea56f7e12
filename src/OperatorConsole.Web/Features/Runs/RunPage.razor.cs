using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runs;

/// <summary>A run being worked through; j/k, Space and n drive it from the keyboard (RunPage.Keys.cs).</summary>
public sealed partial class RunPage : IAsyncDisposable
{
    private RunbookRun? _run;
    private RunbookLinkContext? _links;
    private List<BreadcrumbItem> _crumbs = [];
    private LiveWatcher? _watcher;

    [Parameter] public string Id { get; set; } = string.Empty;

    [Inject] public required RunService Runs { get; init; }
    [Inject] public required RunbookService Runbooks { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    private bool Completed => _run?.Status == RunStatus.Completed;

    protected override void OnParametersSet()
    {
        _watcher?.Dispose();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Run(Id));
        Load();

        // The version a run follows never changes, nor do the files kept with it.
        _links = _run is not null && Runbooks.Get(_run.RunbookSlug, _run.RunbookVersion) is { } runbook ? Runbooks.LinksOf(runbook) : null;
    }

    private void Load()
    {
        _run = Runs.Get(Id);
        _crumbs = _run is null
            ? []
            : [new("Runs", "runs"), new(_run.RunbookTitle, $"runbooks/{_run.RunbookSlug}/v/{_run.RunbookVersion}"), new(_run.Id, null, disabled: true)];
    }

    private async Task CheckAsync(string stepId, string? note, string? output)
    {
        await Ui.TryAsync(async () => _run = await Runs.CheckStepAsync(await Current.GetAsync(), Id, stepId, note, output));
        Load();

        // The version a run follows never changes, nor do the files kept with it.
        _links = _run is not null && Runbooks.Get(_run.RunbookSlug, _run.RunbookVersion) is { } runbook ? Runbooks.LinksOf(runbook) : null;
    }
    private async Task ProbeAsync(string stepId)
    {
        ProbeResult? result = null;
        await Ui.TryAsync(async () => result = await Runs.RunProbeAsync(await Current.GetAsync(), Id, stepId));
        if (result is not null)
        {
            Ui.Tell($"Probe {(result.Passed ? "passed" : "failed")}: {result.Summary}", result.Passed ? Severity.Success : Severity.Warning);
        }

        Load();

        // The version a run follows never changes, nor do the files kept with it.
        _links = _run is not null && Runbooks.Get(_run.RunbookSlug, _run.RunbookVersion) is { } runbook ? Runbooks.LinksOf(runbook) : null;
    }
    private async Task CompleteAsync()
    {
        await Ui.TryAsync(async () => _run = await Runs.CompleteAsync(await Current.GetAsync(), Id), "Run completed and recorded in the ledger.");
        Load();
    }
}
