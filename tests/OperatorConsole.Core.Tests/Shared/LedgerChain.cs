using OperatorConsole.Core.Audit;

namespace OperatorConsole.Core.Tests.Shared;

/// <summary>Builds linked ledger entries the way the store appends them.</summary>
internal static class LedgerChain
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static List<LedgerEntry> Build(int count)
    {
        var entries = new List<LedgerEntry>();
        LedgerEntry? head = null;
        for (var i = 1; i <= count; i++)
        {
            head = LedgerHasher.Link(
                head, Start.AddSeconds(i), $"user{i % 3}", "run.check-step", $"run:r1/s{i}", LedgerOutcome.Allowed, $$"""{"n":{{i}}}""");
            entries.Add(head);
        }

        return entries;
    }
}
