using System.Globalization;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// One page of a switch's history, newest first. <see cref="NextBefore"/> is the key of the next (older) page: pass
/// it as "before"; null when this page reaches the switch's first entry.
/// </summary>
public sealed record SwitchHistoryPage(IReadOnlyList<SwitchHistoryEntry> Entries, long? NextBefore);

/// <summary>
/// Keyset paging over a switch's history: "before" is a version (entries older than it), "limit" the page size.
/// Paging by version, not by offset, keeps a page stable while new flips arrive at the head.
/// </summary>
public sealed record SwitchHistoryPaging(long? Before, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static readonly SwitchHistoryPaging First = new(null, DefaultLimit);

    /// <summary>Reads the query's texts; each bad one is a 400 naming its field, before anything is read.</summary>
    public static SwitchHistoryPaging Parse(string? before, string? limit)
    {
        var problems = new List<FieldProblem>();
        long? beforeVersion = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                beforeVersion = parsed;
            }
            else
            {
                problems.Add(new FieldProblem("before", "before must be a positive whole number: the nextBefore of the previous page."));
            }
        }

        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            problems.Add(new FieldProblem("limit", $"limit must be a whole number from 1 to {MaxLimit}."));
        }

        return problems.Count > 0 ? throw DomainValidationException.ForFields(problems) : new SwitchHistoryPaging(beforeVersion, size);
    }
}
