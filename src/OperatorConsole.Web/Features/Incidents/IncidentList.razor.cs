using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>
/// The incident list: the view (search, filters, sort, page) is the page's address, so a link shares it; Core finds the
/// page of incidents. Live: any incident change reads the page again.
/// </summary>
public sealed partial class IncidentList : IDisposable
{
    private IncidentQuery _query = new();
    private IncidentPage _page = new([], 0, 0, IncidentQuery.DefaultPageSize);
    private IReadOnlyList<IncidentPerson> _people = [];
    private bool _any;
    private string? _userId;
    private LiveWatcher? _watcher;

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] public string? Severity { get; set; }
    [SupplyParameterFromQuery(Name = "class")] public string? Class { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] public string? Owner { get; set; }
    [SupplyParameterFromQuery(Name = "mine")] public bool? Mine { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? Dir { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? Rows { get; set; }

    [Inject] public required IncidentService Incidents { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private string Range => _page.Total == 0 ? string.Empty
        : $"{(_page.Page * _page.PageSize) + 1}–{(_page.Page * _page.PageSize) + _page.Items.Count} of {_page.Total} incident{(_page.Total == 1 ? "" : "s")}";

    protected override async Task OnInitializedAsync()
    {
        _userId = (await Current.GetAsync()).Id;
        _people = Incidents.AssignablePeople();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Find(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Incidents);
    }

    // A value the address gets wrong (an old link, a typo) is left out of the view rather than refused.
    protected override void OnParametersSet()
    {
        _query = new IncidentListQuery(Q, Status, Severity, Class, Owner, Mine, Sort, Dir, PageNumber, Rows).ToQuery(out _);
        Find();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Find()
    {
        _page = Incidents.Find(_query, _userId);
        _any = _page.Total > 0 || Incidents.List().Count > 0;
    }

    private Task SearchAsync(string? text) => ShowAsync(_query with { Search = text });

    /// <summary>The same column again reverses the order; another column starts ascending.</summary>
    private Task SortAsync(IncidentSort sort) =>
        ShowAsync(_query with { Sort = sort, Descending = _query.Sort == sort && !_query.Descending });

    /// <summary>Moves to the view's address; a change of filter or sort starts again at the first page.</summary>
    private Task ShowAsync(IncidentQuery next)
    {
        var view = next.Page == _query.Page && next != _query ? next with { Page = 0 } : next;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(IncidentListQuery.Parameters(view)), replace: true);
        return Task.CompletedTask;
    }

    /// <summary>How long since it was opened ("3 h"), or "just now".</summary>
    private string Age(Incident incident) => RelativeTime.Describe(incident.OpenedAt, Clock.GetUtcNow()).Replace(" ago", string.Empty, StringComparison.Ordinal);
}
