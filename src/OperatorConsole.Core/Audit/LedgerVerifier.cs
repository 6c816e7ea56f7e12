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

/// <summary>Replays the chain from the genesis hash and names the first entry that does not fit; see <see cref="ChainWalk"/>.</summary>
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
        var walk = new ChainWalk(0, LedgerHasher.GenesisHash, chain.Select(c => c.Sequence).ToHashSet()).Walk(entriesInOrder);
        var sealedThrough = CheckpointChain.CheckAgainstLedger(chain, walk.HashesAtCheckpoints, walk.LastSequence, problems);
        return Result(walk, problems, sealedThrough, checkpoints.Count);
    }

    /// <summary>The verdict of a walk; its chain problem, if any, comes first.</summary>
    internal static LedgerVerification Result(ChainWalk walk, List<string> problems, long sealedThrough, int checkpointCount)
    {
        if (walk.Problem is not null)
        {
            problems.Insert(0, walk.Problem);
        }

        return new LedgerVerification(
            problems.Count == 0, walk.GoodCount, walk.LastGoodHash, walk.Broken, problems.FirstOrDefault(),
            sealedThrough, Math.Max(0, walk.LastSequence - sealedThrough), checkpointCount, problems);
    }
}
