using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Audit;

/// <summary>The checkpoints as a third party keeps them: with the key that signed them.</summary>
public sealed record CheckpointExport(string KeyId, string PublicKeyPem, IReadOnlyList<LedgerCheckpoint> Checkpoints);

/// <summary>
/// The whole chain with the checkpoints that seal it; the export seals its own head first, so every entry in it is
/// covered by a signed checkpoint and an entry appended to the file afterwards stands out.
/// </summary>
public sealed record LedgerExport(string RootHash, IReadOnlyList<LedgerEntry> Entries, string KeyId, string PublicKeyPem, IReadOnlyList<LedgerCheckpoint> Checkpoints);

/// <summary>Reading and verifying the ledger; anyone signed in may read it.</summary>
public sealed class AuditService(
    ChangeRunner changes, ICheckpointLog checkpoints, ICheckpointSigner signer, LedgerSealer sealer, LedgerTailVerifier verifier)
{
    public IReadOnlyList<LedgerEntry> Query(LedgerQuery query) => changes.Store.Read(s => s.Ledger.Query(query));

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> All() => changes.Store.Read(s => s.Ledger.All().ToList());

    public LedgerEntry? Head() => changes.Store.Read(s => s.Ledger.Head());

    /// <summary>The chain and its signed checkpoints, checking only what was added since the last clean verify; see <see cref="LedgerTailVerifier"/>.</summary>
    public LedgerVerification Verify() => changes.Store.Read(s => verifier.Verify(s.Ledger));

    /// <summary>The whole chain and its signed checkpoints, re-read and re-hashed; see <see cref="LedgerVerifier"/>.</summary>
    public LedgerVerification VerifyAll() => changes.Store.Read(s => verifier.VerifyAll(s.Ledger));

    /// <summary>
    /// Seals the head on the writer, so that a signed checkpoint covers every entry of the export; returns the sealed
    /// sequence, which is where the export ends (entries appended meanwhile are left out).
    /// </summary>
    public Task<long> SealForExportAsync() => changes.Store.WriteAsync(s =>
    {
        sealer.Seal(s, CheckpointReasons.Export);
        return s.Ledger.Head()?.Sequence ?? 0;
    });

    /// <summary>Up to <paramref name="count"/> entries after <paramref name="after"/> through <paramref name="through"/>, oldest first: one page of a streamed export.</summary>
    public IReadOnlyList<LedgerEntry> ExportPage(long after, long through, int count) =>
        changes.Store.Read(s => s.Ledger.Since(after + 1).TakeWhile(e => e.Sequence <= through).Take(count).ToList());

    public CheckpointExport Checkpoints() => new(signer.KeyId, signer.PublicKeyPem, checkpoints.All());

    public string PublicKeyPem => signer.PublicKeyPem;

    public string KeyId => signer.KeyId;

    /// <summary>002's anomaly investigation over [from, to]; a reversed or too wide range is refused.</summary>
    public LedgerInvestigation Investigate(DateTimeOffset from, DateTimeOffset to)
    {
        LedgerInvestigator.ValidateRange(from, to);
        return changes.Store.Read(s => LedgerInvestigator.Investigate(s.Ledger.Range(from, to), from, to));
    }

    /// <summary>
    /// Data written before records cited their ledger entry: each such user, API key and policy choice is adopted as it
    /// stands, by a ledger entry carrying its digest, so it stays usable and any later edit in the file is caught.
    /// Only once: when the ledger already holds a record digest, an unreferenced record was stripped of its reference
    /// in the file and stays refused. Returns how many were adopted.
    /// </summary>
    public Task<int> AdoptUnreferencedSecurityRecordsAsync() => changes.RunAsync(Actor.System, c =>
    {
        if (c.Session.Ledger.All().Any(SecurityRecords.CarriesDigest))
        {
            return 0;
        }

        var adopted = 0;
        foreach (var user in c.Session.Users.All().Where(u => u.LedgerSequence is null))
        {
            var entry = c.Record(SecurityRecords.AdoptAction, SecurityRecords.Subject(user), new { digest = SecurityRecords.Digest(user) });
            c.Session.Users.Upsert(user with { LedgerSequence = entry.Sequence });
            adopted++;
        }

        foreach (var key in c.Session.ApiKeys.All().Where(k => k.LedgerSequence is null))
        {
            var entry = c.Record(SecurityRecords.AdoptAction, SecurityRecords.Subject(key), new { digest = SecurityRecords.Digest(key) });
            c.Session.ApiKeys.Upsert(key with { LedgerSequence = entry.Sequence });
            adopted++;
        }

        foreach (var policy in c.Session.GuardedActions.PolicyOverrides().Where(p => p.LedgerSequence is null))
        {
            var entry = c.Record(SecurityRecords.AdoptAction, SecurityRecords.Subject(policy), new { digest = SecurityRecords.Digest(policy) });
            c.Session.GuardedActions.UpsertPolicyOverride(policy with { LedgerSequence = entry.Sequence });
            adopted++;
        }

        return adopted;
    });

    /// <summary>002's daily health check; reads only, in one store read so the parts agree.</summary>
    public DailyHealthReport RunDailyHealthCheck()
    {
        var now = changes.Now;
        return changes.Store.Read(s => DailyHealthCheck.Evaluate(
            verifier.VerifyAll(s.Ledger),
            s.Ledger.Range(now - DailyHealthCheck.Window, now),
            s.Ledger.Head(),
            now,
            SecurityRecords.Problems(s)));
    }
}
