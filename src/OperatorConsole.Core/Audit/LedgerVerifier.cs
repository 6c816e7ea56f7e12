namespace OperatorConsole.Core.Audit;

/// <summary>
/// The chain replayed from genesis, then held against the signed checkpoints. <see cref="SealedThrough"/> is the
/// sequence up to which a valid checkpoint vouches for the chain; <see cref="NotYetSealed"/> entries follow it.
/// <see cref="Problems"/> lists every finding, <see cref="Problem"/> the first.
/// </summary>
public sealed record LedgerVerification(
    bool IsValid,
    long EntryCount,
    string RootHash,
    long? FirstBrokenSequence,
    string? Problem,
    long SealedThrough = 0,
    long NotYetSealed = 0,
    int CheckpointCount = 0,
    IReadOnlyList<string>? Problems = null);

/// <summary>Replays the chain from the genesis hash and names the first entry that does not fit.</summary>
public static class LedgerVerifier
{
    /// <summary>The chain alone, as an export without checkpoints is checked.</summary>
    public static LedgerVerification Verify(IEnumerable<LedgerEntry> entriesInOrder) => Verify(entriesInOrder, [], null);

    /// <summary>
    /// The chain and the checkpoints: a checkpoint whose entry hash differs means the chain was rewritten after it
    /// was sealed; one beyond the last entry means entries were removed; entries appended while the console was
    /// stopped show between its shutdown and startup checkpoints.
    /// </summary>
    public static LedgerVerification Verify(
        IEnumerable<LedgerEntry> entriesInOrder, IReadOnlyList<LedgerCheckpoint> checkpoints, ICheckpointSigner? signer)
    {
        var problems = new List<string>();
        var chain = CheckpointChain.Check(checkpoints, signer, problems);
        var sealedSequences = chain.Select(c => c.Sequence).ToHashSet();
        var hashesAtCheckpoints = new Dictionary<long, string>();

        var previousHash = LedgerHasher.GenesisHash;
        long expectedSequence = 1, count = 0, lastSequence = 0;
        long? broken = null;
        foreach (var entry in entriesInOrder)
        {
            lastSequence = Math.Max(lastSequence, entry.Sequence);
            if (sealedSequences.Contains(entry.Sequence))
            {
                hashesAtCheckpoints[entry.Sequence] = entry.Hash;
            }

            if (broken is not null)
            {
                continue;
            }

            var problem = ChainProblem(entry, expectedSequence, previousHash);
            if (problem is not null)
            {
                broken = entry.Sequence;
                problems.Insert(0, $"Entry {entry.Sequence}: {problem}.");
                continue;
            }

            previousHash = entry.Hash;
            expectedSequence++;
            count++;
        }

        var sealedThrough = CheckpointChain.CheckAgainstLedger(chain, hashesAtCheckpoints, lastSequence, problems);
        return new LedgerVerification(
            problems.Count == 0, count, previousHash, broken, problems.FirstOrDefault(),
            sealedThrough, Math.Max(0, lastSequence - sealedThrough), checkpoints.Count, problems);
    }

    private static string? ChainProblem(LedgerEntry entry, long expectedSequence, string previousHash)
    {
        if (entry.Defect is not null)
        {
            return $"the stored entry is malformed ({entry.Defect})";
        }

        if (entry.Sequence != expectedSequence)
        {
            return $"sequence {entry.Sequence} found where {expectedSequence} was expected (an entry is missing or was inserted)";
        }

        if (entry.PreviousHash != previousHash)
        {
            return "previous-hash does not match the hash of the entry before it";
        }

        return LedgerHasher.ComputeHash(entry) != entry.Hash ? "content does not match its hash (the entry was altered)" : null;
    }
}
