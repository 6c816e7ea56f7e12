namespace OperatorConsole.Core.Audit;

public static class LedgerOutcome
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

/// <summary>One link of the hash chain. See docs/ledger.md for how <see cref="Hash"/> is computed.</summary>
public sealed record LedgerEntry(
    long Sequence,
    string Timestamp,
    string Actor,
    string Action,
    string Subject,
    string Outcome,
    string Payload,
    string PreviousHash,
    string Hash)
{
    public DateTimeOffset At => DateTimeOffset.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture);
}
