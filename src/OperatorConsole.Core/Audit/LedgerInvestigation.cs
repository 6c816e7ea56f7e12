using System.Globalization;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Audit;

/// <summary>How many entries share one actor, action or outcome.</summary>
public sealed record LedgerCount(string Key, int Count);

/// <summary>A denied or failed entry, as an investigator reads it (no hashes: they prove nothing here).</summary>
public sealed record LedgerProblem(long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, string Outcome, string Payload);

/// <summary>002's anomaly investigation over one time range of the console's own ledger.</summary>
public sealed record LedgerInvestigation(
    DateTimeOffset From,
    DateTimeOffset To,
    int EntryCount,
    IReadOnlyList<LedgerCount> ByActor,
    IReadOnlyList<LedgerCount> ByAction,
    IReadOnlyList<LedgerCount> ByOutcome,
    IReadOnlyList<LedgerProblem> DeniedAndFailed);

public static class LedgerInvestigator
{
    /// <summary>Wider ranges belong in an export; this keeps an on-screen investigation quick to read and to compute.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    private static readonly string[] KnownOutcomes = [LedgerOutcome.Allowed, LedgerOutcome.Denied, LedgerOutcome.Failed];

    /// <summary>Throws <see cref="DomainValidationException"/> for a range that is reversed or too wide.</summary>
    public static void ValidateRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (from > to)
        {
            throw new DomainValidationException($"'from' ({Format(from)}) is after 'to' ({Format(to)}).");
        }

        if (to - from > MaxRange)
        {
            var days = (to - from).TotalDays.ToString("0.#", CultureInfo.InvariantCulture);
            throw new DomainValidationException(
                $"The range spans {days} days; investigate at most {MaxRange.TotalDays:0} days at a time.");
        }
    }

    /// <summary>
    /// Groups the entries inside [from, to] (both inclusive). Entries outside the range are skipped,
    /// so callers may pass a superset; the sequence is read once, so a streamed range stays streamed.
    /// </summary>
    public static LedgerInvestigation Investigate(IEnumerable<LedgerEntry> entries, DateTimeOffset from, DateTimeOffset to)
    {
        var byActor = new Dictionary<string, int>(StringComparer.Ordinal);
        var byAction = new Dictionary<string, int>(StringComparer.Ordinal);

        // The three known outcomes always show, so "0 denied" is stated rather than left out.
        var byOutcome = KnownOutcomes.ToDictionary(o => o, _ => 0, StringComparer.Ordinal);
        var problems = new List<LedgerProblem>();
        var count = 0;

        foreach (var entry in entries)
        {
            var at = entry.At;
            if (at < from || at > to)
            {
                continue;
            }

            count++;
            Increment(byActor, entry.Actor);
            Increment(byAction, entry.Action);
            Increment(byOutcome, entry.Outcome);
            if (entry.Outcome != LedgerOutcome.Allowed)
            {
                problems.Add(new LedgerProblem(entry.Sequence, at, entry.Actor, entry.Action, entry.Subject, entry.Outcome, entry.Payload));
            }
        }

        problems.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return new LedgerInvestigation(
            from.ToUniversalTime(), to.ToUniversalTime(), count, Sorted(byActor), Sorted(byAction), Sorted(byOutcome), problems);
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    // Most frequent first; ties by key so the order is stable between refreshes.
    private static List<LedgerCount> Sorted(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new LedgerCount(kv.Key, kv.Value))];

    private static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
