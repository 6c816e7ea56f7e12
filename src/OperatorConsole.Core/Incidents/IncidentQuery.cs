namespace OperatorConsole.Core.Incidents;

public enum IncidentSort
{
    Severity,
    Status,
    Opened,
    Age,
    Owner,
    Title,
}

/// <summary>
/// One view of the incident list: free text over id, title and scopes; filters; a sort; a page. Every field has a plain
/// text form, so a page can keep the view in its address and a link shares it. A null <see cref="Sort"/> keeps the
/// store's order: open incidents first, then newest first.
/// </summary>
public sealed record IncidentQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>The <see cref="Owner"/> filter value for incidents nobody owns (never a user id: those are 2+ characters).</summary>
    public const string NoOwner = "-";

    public string? Search { get; init; }
    public IncidentStatus? Status { get; init; }
    public IncidentSeverity? Severity { get; init; }
    public IncidentClass? Class { get; init; }

    /// <summary>An owner's user id, or <see cref="NoOwner"/>.</summary>
    public string? Owner { get; init; }

    /// <summary>Only incidents the asking user owns, commands or works on.</summary>
    public bool Mine { get; init; }
    public IncidentSort? Sort { get; init; }
    public bool Descending { get; init; }

    /// <summary>Zero-based; past the last page means the last page.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
}

public sealed record IncidentPage(IReadOnlyList<Incident> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Applies an <see cref="IncidentQuery"/> to the incidents, as the list page and the API both show them.</summary>
public static class IncidentFinder
{
    public static IncidentPage Find(IReadOnlyList<Incident> all, IncidentQuery query, string? userId)
    {
        var text = query.Search?.Trim();
        var matching = all
            .Where(i => string.IsNullOrEmpty(text) || Matches(i, text))
            .Where(i => query.Status is null || i.Status == query.Status)
            .Where(i => query.Severity is null || i.Severity == query.Severity)
            .Where(i => query.Class is null || i.Class == query.Class)
            .Where(i => string.IsNullOrEmpty(query.Owner) || (query.Owner == IncidentQuery.NoOwner ? i.OwnerId is null : i.OwnerId == query.Owner))
            .Where(i => !query.Mine || (userId is not null && Involves(i, userId)));
        var sorted = Sorted(matching, query.Sort, query.Descending).ToList();

        var size = Math.Clamp(query.PageSize, 1, IncidentQuery.MaxPageSize);
        var lastPage = Math.Max(0, (sorted.Count - 1) / size);
        var page = Math.Clamp(query.Page, 0, lastPage);
        return new IncidentPage([.. sorted.Skip(page * size).Take(size)], sorted.Count, page, size);
    }

    /// <summary>Whether the user owns, commands or works on the incident.</summary>
    public static bool Involves(Incident incident, string userId) =>
        incident.OwnerId == userId || incident.Commander?.Id == userId || incident.Responders.Any(r => r.Id == userId);

    private static bool Matches(Incident i, string text) =>
        i.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
        || i.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || i.Scopes.Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase));

    // Ties keep the store's order (open first, newest first), since OrderBy is stable.
    private static IEnumerable<Incident> Sorted(IEnumerable<Incident> incidents, IncidentSort? sort, bool descending) => sort switch
    {
        IncidentSort.Severity => By(incidents, i => (int)i.Severity, descending),
        IncidentSort.Status => By(incidents, i => (int)i.Status, descending),
        IncidentSort.Opened => By(incidents, i => i.OpenedAt, descending),

        // Age grows as the opening time recedes: the oldest incident is the "largest" age.
        IncidentSort.Age => By(incidents, i => i.OpenedAt, !descending),
        IncidentSort.Owner => incidents.OrderBy(i => i.Owner is null).ThenBy(i => i.Owner, descending ? Reversed : StringComparer.CurrentCultureIgnoreCase),
        IncidentSort.Title => By(incidents, i => i.Title, descending, StringComparer.CurrentCultureIgnoreCase),
        _ => incidents,
    };

    private static readonly IComparer<string?> Reversed =
        Comparer<string?>.Create((a, b) => StringComparer.CurrentCultureIgnoreCase.Compare(b, a));

    private static IOrderedEnumerable<Incident> By<TKey>(IEnumerable<Incident> incidents, Func<Incident, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? incidents.OrderByDescending(key, comparer) : incidents.OrderBy(key, comparer);
}
