using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>Appends correctly chained ledger entries straight through the repository, many per transaction.</summary>
internal static class LedgerFill
{
    private const int PerTransaction = 10_000;

    public static void Append(IConsoleStore store, int count)
    {
        for (var done = 0; done < count; done += PerTransaction)
        {
            var batch = Math.Min(PerTransaction, count - done);
            store.WriteAsync(s =>
            {
                var head = s.Ledger.Head();
                for (var i = 0; i < batch; i++)
                {
                    head = LedgerHasher.Link(head, DateTimeOffset.UtcNow, "omar", "incident.note", "incident:bench",
                        LedgerOutcome.Allowed, $"{{\"entry\":\"e{done + i:0000000}\",\"length\":42}}");
                    s.Ledger.Append(head);
                }

                return batch;
            }).GetAwaiter().GetResult();
        }
    }
}
