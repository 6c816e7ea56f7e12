namespace OperatorConsole.Core.Audit;

/// <summary>
/// Verify without re-reading the whole chain every time. After a clean verify it keeps where the chain ended
/// (sequence, hash) and the signed checkpoints it checked; the next verify checks only what is new: the checkpoints
/// added since (signatures, chaining), that the entry it ended at still has its hash and content, and the tail of
/// entries after it, link by link. Whenever that footing does not hold (the checkpoint file changed, the remembered
/// entry changed, nothing was verified yet since start) it verifies the whole chain instead, which finds any tampering
/// wherever it is. A rewrite of older entries that keeps the remembered entry intact is found by the full verify
/// (<see cref="VerifyAll"/>, run by the daily health check and on request).
/// </summary>
public sealed class LedgerTailVerifier(ICheckpointLog checkpointLog, ICheckpointSigner signer)
{
    private volatile VerifiedPoint? _verified;

    /// <summary>The whole chain, checked in parallel chunks; a clean result becomes the footing of the next tail check.</summary>
    public LedgerVerification VerifyAll(ILedgerRepository ledger)
    {
        var checkpoints = checkpointLog.All();
        return Remember(LedgerVerifier.Verify(ledger.All(), checkpoints, signer), checkpoints);
    }

    /// <summary>Only what was added since the last clean verify, or the whole chain when there is no sound footing.</summary>
    public LedgerVerification Verify(ILedgerRepository ledger)
    {
        var checkpoints = checkpointLog.All();
        var from = _verified;
        if (from is null || !StillHolds(from, checkpoints, ledger))
        {
            return Remember(LedgerVerifier.Verify(ledger.All(), checkpoints, signer), checkpoints);
        }

        var problems = new List<string>();
        var added = CheckpointChain.Check(checkpoints.Skip(from.Checkpoints.Count), signer, problems, from.Checkpoints.Count == 0 ? null : from.Checkpoints[^1]);
        var walk = new ChainWalk(from.Sequence, from.Hash, added.Select(c => c.Sequence).ToHashSet()).Walk(ledger.Since(from.Sequence + 1));

        // The sealed entries up to the footing were matched against their checkpoints by the verify that laid it; a new
        // checkpoint that seals an entry at or before the footing is matched against that entry as stored now.
        foreach (var cp in from.Checkpoints.Where(c => c.Sequence > 0))
        {
            walk.HashesAtCheckpoints[cp.Sequence] = cp.EntryHash;
        }

        foreach (var cp in added.Where(c => c.Sequence > 0 && c.Sequence <= from.Sequence))
        {
            if (ledger.Get(cp.Sequence) is { } sealedEntry)
            {
                walk.HashesAtCheckpoints[cp.Sequence] = sealedEntry.Hash;
            }
        }

        List<LedgerCheckpoint> chain = [.. from.Checkpoints, .. added];
        var sealedThrough = CheckpointChain.CheckAgainstLedger(chain, walk.HashesAtCheckpoints, walk.LastSequence, problems);
        return Remember(LedgerVerifier.Result(walk, problems, sealedThrough, checkpoints.Count), checkpoints);
    }

    private static bool StillHolds(VerifiedPoint from, IReadOnlyList<LedgerCheckpoint> checkpoints, ILedgerRepository ledger)
    {
        if (checkpoints.Count < from.Checkpoints.Count || !checkpoints.Take(from.Checkpoints.Count).SequenceEqual(from.Checkpoints))
        {
            return false;
        }

        if (from.Sequence == 0)
        {
            return true;
        }

        var entry = ledger.Get(from.Sequence);
        return entry is { Defect: null } && entry.Hash == from.Hash && LedgerHasher.HashFits(entry);
    }

    private LedgerVerification Remember(LedgerVerification result, IReadOnlyList<LedgerCheckpoint> checkpoints)
    {
        _verified = result.IsValid ? new VerifiedPoint(result.EntryCount, result.RootHash, checkpoints) : null;

        return result;
    }

    /// <summary>The chain through <see cref="Sequence"/> ends in <see cref="Hash"/>, and these checkpoints held over it.</summary>
    private sealed record VerifiedPoint(long Sequence, string Hash, IReadOnlyList<LedgerCheckpoint> Checkpoints);
}
