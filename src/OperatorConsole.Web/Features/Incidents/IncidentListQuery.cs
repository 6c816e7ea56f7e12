using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>
/// The incident list's view as it travels in a query string — the list page's address (so a link shares the view) and
/// GET /api/incidents/find read the same names. Values are text; <see cref="ToQuery"/> says which ones are not valid.
/// </summary>
public sealed record IncidentListQuery(string? Q, string? Status, string? Severity, string? Class, string? Owner, bool? Mine, string? Sort, string? Dir, int? Page, int? Size)
{
    public const string Descending = "desc";

    /// <summary>The view; any value that is not valid is left out and named in <paramref name="problems"/>.</summary>
    public IncidentQuery ToQuery(out IReadOnlyList<FieldProblem> problems)
    {
        var found = new List<FieldProblem>();
        var query = new IncidentQuery
        {
            Search = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Status = Named<IncidentStatus>(Status, "status", found),
            Severity = Named<IncidentSeverity>(Severity, "severity", found),
            Class = Named<IncidentClass>(Class, "class", found),
            Owner = string.IsNullOrWhiteSpace(Owner) ? null : Owner.Trim(),
            Mine = Mine ?? false,
            Sort = Named<IncidentSort>(Sort, "sort", found),
            Descending = string.Equals(Dir, Descending, StringComparison.OrdinalIgnoreCase),
            Page = Math.Max(0, (Page ?? 1) - 1),
            PageSize = Size ?? IncidentQuery.DefaultPageSize,
        };
        if (Size is < 1 or > IncidentQuery.MaxPageSize)
        {
            found.Add(new("size", $"size is between 1 and {IncidentQuery.MaxPageSize}."));
        }

        problems = found;
        return query;
    }

    /// <summary>The query-string parameters of <paramref name="query"/>; defaults are left out so addresses stay short.</summary>
    public static IReadOnlyDictionary<string, object?> Parameters(IncidentQuery query) => new Dictionary<string, object?>
    {
        ["q"] = query.Search,
        ["status"] = query.Status?.ToString(),
        ["severity"] = query.Severity?.ToString(),
        ["class"] = query.Class?.ToString(),
        ["owner"] = query.Owner,
        ["mine"] = query.Mine ? "true" : null,
        ["sort"] = query.Sort?.ToString(),
        ["dir"] = query.Sort is not null && query.Descending ? Descending : null,
        ["page"] = query.Page > 0 ? query.Page + 1 : null,
        ["size"] = query.PageSize == IncidentQuery.DefaultPageSize ? null : query.PageSize,
    };

    // Names only: Enum.TryParse also takes numbers, which would let "7" through as an undefined status.
    private static TEnum? Named<TEnum>(string? value, string field, List<FieldProblem> problems)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var match = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            problems.Add(new(field, $"'{value}' is not a known {field}; use one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
            return null;
        }

        return Enum.Parse<TEnum>(match);
    }
}
