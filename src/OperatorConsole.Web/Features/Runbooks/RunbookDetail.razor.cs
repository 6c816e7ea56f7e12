using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runbooks;

public sealed partial class RunbookDetail : IDisposable
{
    private Runbook? _runbook;
    private IReadOnlyList<Runbook> _versions = [];
    private IReadOnlyList<RunbookRun> _runs = [];
    private List<BreadcrumbItem> _crumbs = [];
    private string _html = string.Empty;
    private (string? Id, string Path) _renderedFor;
    private string? _whyNotStart;
    private bool _starting;
    private LiveWatcher? _watcher;

    [Parameter] public string Slug { get; set; } = string.Empty;
    [Parameter] public int? Version { get; set; }

    [Inject] public required RunbookService Runbooks { get; init; }
    [Inject] public required RunService Runs { get; init; }
    [Inject] public required RunbookRenderer Renderer { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    protected override void OnInitialized() =>
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Runbooks, Topics.Runs);

    protected override void OnParametersSet() => Load();

    public void Dispose() => _watcher?.Dispose();

    // This page's own path: in-page #anchors of the document point here, not at the site root.
    private string DocumentPath =>
        Version is { } v ? $"/runbooks/{Uri.EscapeDataString(Slug)}/v/{v}" : $"/runbooks/{Uri.EscapeDataString(Slug)}";

    private void Load()
    {
        var shown = Runbooks.Get(Slug, Version);
        // Rendered once per version and path: live events reload the page, the document does not change.
        if ((shown?.Id, DocumentPath) != _renderedFor)
        {
            _html = shown is null ? string.Empty : Renderer.ToSafeHtml(shown.Source, DocumentPath, Runbooks.LinksOf(shown));
            _renderedFor = (shown?.Id, DocumentPath);
        }

        _runbook = shown;
        _whyNotStart = shown is null ? null : RunRules.WhyNotStart(shown, shown.Sections);
        _versions = Runbooks.Versions(Slug);
        _runs = Runs.List(Slug);
        _crumbs = [new("Runbooks", "runbooks"), new(shown?.Title ?? Slug, null, disabled: true)];
    }

    private void ShowVersion(int version) => Navigation.NavigateTo($"runbooks/{Slug}/v/{version}");

    private async Task StartRunAsync()
    {
        _starting = true;
        RunbookRun? run = null;
        await Ui.TryAsync(async () => run = await Runs.StartAsync(await Current.GetAsync(), Slug, _runbook?.Version));
        _starting = false;
        if (run is not null)
        {
            Navigation.NavigateTo($"runs/{run.Id}");
        }
    }
}
