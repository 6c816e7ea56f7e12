namespace OperatorConsole.Core.Audit;

public sealed record LedgerVerification(bool IsValid, long EntryCount, string RootHash, long? FirstBrokenSequence, string? Problem);

/// <summary>Replays the chain from the genesis hash and names the first entry that does not fit.</summary>
public static class LedgerVerifier
{
    public static LedgerVerification Verify(IEnumerable<LedgerEntry> entriesInOrder)
    {
        var previousHash = LedgerHasher.GenesisHash;
        long expectedSequence = 1;
        long count = 0;
        foreach (var entry in entriesInOrder)
        {
            string? problem = null;
            if (entry.Sequence != expectedSequence)
            {
                problem = $"sequence {entry.Sequence} found where {expectedSequence} was expected (an entry is missing or was inserted)";
            }
            else if (entry.PreviousHash != previousHash)
            {
                problem = "previous-hash does not match the hash of the entry before it";
            }
            else if (LedgerHasher.ComputeHash(entry) != entry.Hash)
            {
                problem = "content does not match its hash (the entry was altered)";
            }

            if (problem is not null)
            {
                return new LedgerVerification(false, count, previousHash, entry.Sequence, $"Entry {entry.Sequence}: {problem}.");
            }

            previousHash = entry.Hash;
            expectedSequence++;
            count++;
        }

        return new LedgerVerification(true, count, previousHash, null, null);
    }
}
