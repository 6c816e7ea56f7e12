using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runs;

/// <summary>Every run, asked of Core one page at a time; the view is read from and written to the address.</summary>
public sealed partial class RunList : IDisposable
{
    private RunSearchResult _page = new([], 0, 0, RunQuery.DefaultTake);
    private LiveWatcher? _watcher;

    [Inject] public required RunService Runs { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }

    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusName { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortKey { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool? Desc { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }

    private RunStatus? Status => Enum.TryParse<RunStatus>(StatusName, ignoreCase: true, out var status) ? status : null;

    private bool Filtered => !string.IsNullOrWhiteSpace(Text) || Status is not null;

    private RunSort CurrentSort => Enum.TryParse<RunSort>(SortKey, ignoreCase: true, out var sort) ? sort : RunSort.Started;

    private bool CurrentDescending => Desc ?? CurrentSort is RunSort.Started or RunSort.Progress;

    private int CurrentPage => Math.Max(1, Page ?? 1);

    private int PageCount => Math.Max(1, (_page.Total + _page.Take - 1) / _page.Take);

    protected override void OnInitialized() =>
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Runs);

    protected override void OnParametersSet() => Load();

    public void Dispose() => _watcher?.Dispose();

    private void Load() =>
        _page = Runs.Search(new RunQuery(Text, Status, CurrentSort, CurrentDescending, (CurrentPage - 1) * RunQuery.DefaultTake));

    private void OnTextChanged(string? text) => Go(text, Status, SortKey, Desc, 1);

    private void OnStatusChanged(RunStatus? status) => Go(Text, status, SortKey, Desc, 1);

    private void ShowPage(int page) => Go(Text, Status, SortKey, Desc, page);

    private string SortHref(string key, bool descending) => Href(Text, Status, key, descending, 1);

    private void Go(string? text, RunStatus? status, string? sort, bool? desc, int page) =>
        Nav.NavigateTo(Href(text, status, sort, desc, page), replace: true);

    private string Href(string? text, RunStatus? status, string? sort, bool? desc, int page) =>
        Nav.GetUriWithQueryParameters(Nav.ToAbsoluteUri("runs").ToString(), new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            ["status"] = status?.ToString(),
            ["sort"] = sort,
            ["desc"] = desc,
            ["page"] = page > 1 ? page : null,
        });
}
