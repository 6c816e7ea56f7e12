namespace OperatorConsole.Core.Audit;

public static class LedgerOutcome
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string Failed = "failed";
}

/// <summary>
/// One link of the hash chain. See docs/ledger.md for how <see cref="Hash"/> is computed.
/// <see cref="Defect"/> is set when the stored document could not be read as an entry (a missing field, a wrong
/// type): the fields it could not read are empty, and verification names the entry instead of failing.
/// </summary>
public sealed record LedgerEntry(
    long Sequence,
    string Timestamp,
    string Actor,
    string Action,
    string Subject,
    string Outcome,
    string Payload,
    string PreviousHash,
    string Hash,
    string? Defect = null)
{
    /// <summary>The timestamp; <see cref="DateTimeOffset.MinValue"/> for an unreadable one, which verification reports.</summary>
    public DateTimeOffset At => LedgerHasher.ParseTimestamp(Timestamp);
}
