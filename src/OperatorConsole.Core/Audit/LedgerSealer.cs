using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Audit;

/// <summary>When the ledger head is sealed besides bundle exports, startup and shutdown.</summary>
public sealed class CheckpointOptions
{
    public const string Section = "Ledger";

    /// <summary>Seal once this many entries are not yet sealed.</summary>
    public int SealEvery { get; set; } = 100;

    /// <summary>Seal whatever is not yet sealed once the latest checkpoint is this old.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The private checkpoint key (PEM); empty: beside the data file. Never inside the data file.</summary>
    public string CheckpointKeyFile { get; set; } = string.Empty;

    /// <summary>The checkpoint log (JSON lines); empty: beside the data file.</summary>
    public string CheckpointLogFile { get; set; } = string.Empty;
}

/// <summary>
/// Seals the ledger head into a signed checkpoint. It refuses to seal a chain that no longer links to the latest
/// checkpoint, so a rewrite is never vouched for. Seals run on the store's writer, one at a time.
/// </summary>
public sealed class LedgerSealer(IConsoleStore store, ICheckpointLog log, ICheckpointSigner signer, TimeProvider clock, ILogger<LedgerSealer> logger)
{
    private readonly Lock _gate = new();

    /// <summary>Seals the committed head, or returns null (logged) when the chain since the latest checkpoint does not hold.</summary>
    public Task<LedgerCheckpoint?> SealHeadAsync(string reason) => store.WriteAsync(s => Seal(s, reason));

    /// <summary>Seals when enough entries, or enough time, have passed since the latest checkpoint.</summary>
    public Task<LedgerCheckpoint?> SealIfDueAsync(CheckpointOptions options) => store.WriteAsync(s =>
    {
        var latest = log.Latest();
        var head = s.Ledger.Head();
        var unsealed = (head?.Sequence ?? 0) - (latest?.Sequence ?? 0);
        var age = latest is null ? TimeSpan.MaxValue : clock.GetUtcNow() - LedgerHasher.ParseTimestamp(latest.CreatedAt);
        return unsealed > 0 && (unsealed >= options.SealEvery || age >= options.SealInterval) ? Seal(s, CheckpointReasons.Interval) : null;
    });

    /// <summary>
    /// Seals the head <paramref name="session"/> sees. Call it inside a store transaction before the change records its
    /// own entries, so that the head is committed state; the change gets a transaction of its own, since the checkpoint
    /// is appended to its log at once and must neither cite a neighbour's uncommitted entry nor be appended twice.
    /// </summary>
    public LedgerCheckpoint? Seal(IStoreSession session, string reason)
    {
        session.RequireOwnTransaction();
        var ledger = session.Ledger;
        lock (_gate)
        {
            var latest = log.Latest();
            var head = ledger.Head();
            var problem = SegmentProblem(ledger, latest, head);
            if (problem is not null)
            {
                logger.LogError("Ledger not sealed ({CheckpointReason}): {LedgerProblem}", reason, problem);
                return null;
            }

            var unsigned = new LedgerCheckpoint(
                (latest?.Number ?? 0) + 1, head?.Sequence ?? 0, head?.Hash ?? LedgerHasher.GenesisHash,
                latest?.Hash ?? LedgerHasher.GenesisHash, LedgerHasher.FormatTimestamp(clock.GetUtcNow()), reason, signer.KeyId, string.Empty);
            var checkpoint = unsigned with { Signature = signer.Sign(unsigned.SignedText) };
            log.Append(checkpoint);
            return checkpoint;
        }
    }

    /// <summary>The entries from the latest checkpoint's to the head must still link, or sealing would vouch for a rewrite.</summary>
    private static string? SegmentProblem(ILedgerRepository ledger, LedgerCheckpoint? latest, LedgerEntry? head)
    {
        var from = latest?.Sequence ?? 0;
        if ((head?.Sequence ?? 0) < from)
        {
            return $"the ledger ends at entry {head?.Sequence ?? 0}, before entry {from} of checkpoint #{latest!.Number}";
        }

        var previousHash = from == 0 ? LedgerHasher.GenesisHash : latest!.EntryHash;
        if (from > 0 && ledger.Get(from)?.Hash != previousHash)
        {
            return $"entry {from} no longer matches checkpoint #{latest!.Number}";
        }

        var expected = from + 1;
        foreach (var entry in ledger.Since(expected))
        {
            if (entry.Defect is not null || entry.Sequence != expected || entry.PreviousHash != previousHash || LedgerHasher.ComputeHash(entry) != entry.Hash)
            {
                return $"entry {entry.Sequence} does not link to the chain sealed so far";
            }

            previousHash = entry.Hash;
            expected++;
        }

        return null;
    }
}
