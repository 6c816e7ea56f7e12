using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>
/// The incident's timeline, one page at a time. The page is named by its anchor (see <see cref="TimelineWindow"/>), so a
/// refresh after a live event reads the same page again, and new entries never shift or repeat the rows shown. Only
/// the page's rows, the pinned rows and the count are held.
/// </summary>
public sealed partial class IncidentTimelineView
{
    public const int PageSize = 20;

    private static readonly TimelineWindow Empty = new([], Anchor: null, HasOlder: false);

    private TimelineWindow _page = Empty;
    private IReadOnlyList<TimelineEntry> _pinned = [];
    private int _count;
    private string? _note;
    private string? _decision;
    private string? _rationale;
    private string? _shownId;
    private string? _shownKind;
    private string? _shownBefore;
    private bool _kindsOpen;

    [Inject] public required IncidentService Incidents { get; init; }

    [Parameter, EditorRequired] public string IncidentId { get; set; } = string.Empty;

    /// <summary>Only entries of this kind; null shows every kind. The select changes it too.</summary>
    [Parameter] public string? Kind { get; set; }

    [Parameter] public EventCallback<string?> KindChanged { get; set; }

    /// <summary>
    /// The static page's timeline: no controls but the filter and the paging, which are a GET form and links naming the
    /// page by <see cref="Kind"/> and <see cref="Before"/> in the address.
    /// </summary>
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>The page's anchor as its key (<see cref="TimelineCursor.Key"/>); null or unreadable shows the newest entries.</summary>
    [Parameter] public string? Before { get; set; }

    [Parameter] public EventCallback<string> OnNote { get; set; }
    [Parameter] public EventCallback<(string Decision, string Rationale)> OnDecision { get; set; }
    [Parameter] public EventCallback<(string EntryId, bool Pinned)> OnPin { get; set; }

    protected override void OnParametersSet()
    {
        if (_shownId == IncidentId && _shownKind == Kind && _shownBefore == Before)
        {
            return;
        }

        (_shownId, _shownKind, _shownBefore) = (IncidentId, Kind, Before);
        Kind = Kind is not null && TimelineKinds.All.Contains(Kind) ? Kind : null;
        Show(Incidents.TimelinePage(IncidentId, Kind, TimelineCursor.Parse(Before), PageSize));
    }

    /// <summary>Reads the shown page, the pinned rows and the count again, e.g. when a live event says the timeline changed.</summary>
    public Task RefreshAsync()
    {
        Show(Incidents.TimelinePage(IncidentId, Kind, _page.Anchor, PageSize));
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Show(TimelineWindow page)
    {
        _page = page;
        _pinned = [.. Incidents.PinnedTimeline(IncidentId).Where(e => Kind is null || e.Kind == Kind)];
        _count = Incidents.TimelineCount(IncidentId, Kind);
    }

    [Inject] public required NavigationManager Navigation { get; init; }

    private string PageHref(TimelineCursor? anchor) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["kind"] = Kind, ["before"] = anchor?.Key });

    private void ShowNewest() => _page = Incidents.TimelinePage(IncidentId, Kind, anchor: null, PageSize);

    private void ShowNewer() => _page = Incidents.NewerTimelinePage(IncidentId, Kind, _page, PageSize);

    private void ShowOlder() => _page = Incidents.OlderTimelinePage(IncidentId, Kind, _page, PageSize);

    private async Task KindChangedAsync(string? kind)
    {
        Kind = kind;
        _shownKind = kind;
        Show(Incidents.TimelinePage(IncidentId, Kind, anchor: null, PageSize));
        await KindChanged.InvokeAsync(kind);
    }

    private async Task NoteAsync()
    {
        await OnNote.InvokeAsync(_note ?? string.Empty);
        _note = null;
    }

    private async Task DecideAsync()
    {
        await OnDecision.InvokeAsync((_decision ?? string.Empty, _rationale ?? string.Empty));
        (_decision, _rationale) = (null, null);
    }
}
