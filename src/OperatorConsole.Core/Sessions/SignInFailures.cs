using Microsoft.Extensions.Options;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Sessions;

/// <summary>
/// Failed sign-ins, counted per user name and address in windows. The first failure of a window is written to the ledger
/// at once (so an attack shows immediately); the rest are only counted and written as one "user.sign-in.failures"
/// entry with the count when the window closes, so an anonymous flood adds at most two entries per name, address and
/// window. A user name with too many failures in the window is refused until the window ends.
/// </summary>
public sealed class SignInFailures(ChangeRunner changes, IOptions<SignInLimits> options)
{
    private const string Overflow = "*";
    private readonly Dictionary<(string User, string Address), Tally> _open = [];
    private readonly Lock _gate = new();

    private SignInLimits Options => options.Value;

    /// <summary>When the user name may try again, or null when it may now.</summary>
    public DateTimeOffset? RetryAt(string userId)
    {
        var now = changes.Now;
        lock (_gate)
        {
            var live = _open.Where(p => p.Key.User == userId && p.Value.Until > now).Select(p => p.Value).ToList();
            return live.Sum(t => t.Count) >= Options.FailuresPerUser ? live.Min(t => t.Until) : null;
        }
    }

    public async Task RecordAsync(Actor attempted, string? address)
    {
        var now = changes.Now;
        List<((string User, string Address) Key, Tally Tally)> closed;
        bool first;
        var key = (attempted.Id, address ?? "unknown");
        lock (_gate)
        {
            closed = [.. _open.Where(p => p.Value.Until <= now).Select(p => (p.Key, p.Value))];
            foreach (var (k, _) in closed)
            {
                _open.Remove(k);
            }

            if (!_open.ContainsKey(key) && _open.Count >= Options.MaxTracked)
            {
                key = (Overflow, Overflow);
            }

            if (!_open.TryGetValue(key, out var tally))
            {
                tally = new Tally(now, now + Options.FailureWindow);
                _open[key] = tally;
            }

            tally.Count++;
            first = tally.Count == 1;
        }

        foreach (var (k, t) in closed.Where(c => c.Tally.Count > 1))
        {
            await changes.RunAsync(Actor.System, c => c.Record(SessionActions.SignInFailures, $"user:{k.User}",
                new { address = k.Address, failures = t.Count, from = t.From, until = t.Until }, LedgerOutcome.Denied));
        }

        if (first)
        {
            await changes.RunAsync(attempted, c => c.Record(SessionActions.SignIn, $"user:{key.Item1}", new { address = key.Item2 }, LedgerOutcome.Denied));
        }
    }

    private sealed class Tally(DateTimeOffset from, DateTimeOffset until)
    {
        public DateTimeOffset From { get; } = from;

        public DateTimeOffset Until { get; } = until;

        public int Count { get; set; }
    }
}
