namespace OperatorConsole.Core.Audit;

/// <summary>The checks of the checkpoint chain itself, and of the ledger against it.</summary>
internal static class CheckpointChain
{
    /// <summary>
    /// Returns the checkpoints that hold (signed by our key, chained, in order) up to the first that does not;
    /// <paramref name="after"/> is the checked checkpoint they follow, if they do not start the chain.
    /// </summary>
    public static List<LedgerCheckpoint> Check(
        IEnumerable<LedgerCheckpoint> checkpoints, ICheckpointSigner? signer, List<string> problems, LedgerCheckpoint? after = null)
    {
        var good = new List<LedgerCheckpoint>();
        var previous = after;
        foreach (var cp in checkpoints)
        {
            var problem = Problem(cp, previous, signer);
            if (problem is not null)
            {
                problems.Add($"Checkpoint #{cp.Number}: {problem}.");
                break;
            }

            good.Add(cp);
            previous = cp;
        }

        return good;
    }

    /// <summary>Returns the sequence the last good checkpoint vouches for, or 0.</summary>
    public static long CheckAgainstLedger(
        IReadOnlyList<LedgerCheckpoint> chain, IReadOnlyDictionary<long, string> ledgerHashes, long lastSequence, List<string> problems)
    {
        long sealedThrough = 0;
        LedgerCheckpoint? previous = null;
        foreach (var cp in chain)
        {
            if (previous is { Reason: CheckpointReasons.Shutdown } && cp.Reason == CheckpointReasons.Startup && cp.Sequence != previous.Sequence)
            {
                problems.Add($"Entries {previous.Sequence + 1}–{cp.Sequence} were added while the console was stopped " +
                    $"(after shutdown checkpoint #{previous.Number}, before startup checkpoint #{cp.Number}); the console did not write them.");
            }

            previous = cp;
            if (cp.Sequence == 0)
            {
                continue;
            }

            if (cp.Sequence > lastSequence)
            {
                problems.Add($"The ledger ends at entry {lastSequence} but checkpoint #{cp.Number} sealed entry {cp.Sequence}: " +
                    "entries were removed (truncated or rolled back).");
                return sealedThrough;
            }

            if (!ledgerHashes.TryGetValue(cp.Sequence, out var hash) || hash != cp.EntryHash)
            {
                problems.Add($"Entry {cp.Sequence} does not match checkpoint #{cp.Number}, which sealed hash {cp.EntryHash}: " +
                    "the chain was rewritten after it was sealed.");
                return sealedThrough;
            }

            sealedThrough = cp.Sequence;
        }

        if (previous is { Reason: CheckpointReasons.Shutdown } && lastSequence > previous.Sequence)
        {
            problems.Add($"Entries {previous.Sequence + 1}–{lastSequence} follow shutdown checkpoint #{previous.Number}: " +
                "they were added while the console was stopped.");
        }

        return sealedThrough;
    }

    private static string? Problem(LedgerCheckpoint cp, LedgerCheckpoint? previous, ICheckpointSigner? signer)
    {
        if (cp.Defect is not null)
        {
            return $"the stored checkpoint is malformed ({cp.Defect})";
        }

        var expectedNumber = (previous?.Number ?? 0) + 1;
        if (cp.Number != expectedNumber)
        {
            return $"number {cp.Number} found where {expectedNumber} was expected (a checkpoint is missing or was inserted)";
        }

        if (cp.PreviousCheckpointHash != (previous?.Hash ?? LedgerHasher.GenesisHash))
        {
            return "its previous-checkpoint hash does not match the checkpoint before it";
        }

        if (previous is not null && cp.Sequence < previous.Sequence)
        {
            return $"it seals entry {cp.Sequence}, before the entry {previous.Sequence} the checkpoint before it sealed";
        }

        if (signer is null)
        {
            return null;
        }

        if (cp.KeyId != signer.KeyId)
        {
            return $"it was signed by key {cp.KeyId}, not this console's key {signer.KeyId}";
        }

        return signer.Verify(cp.SignedText, cp.Signature) ? null : "its signature does not verify with this console's public key";
    }
}
