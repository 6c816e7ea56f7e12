using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Tests.Shared;

namespace OperatorConsole.Core.Tests.Audit;

public sealed class LedgerHasherTests
{
    // sha256sum of the same text computed outside .NET (python hashlib).
    private const string PinnedDigest = "683a9a363ed73ddd31248561a0ff25cb4a18a190837d20e1d7d04dc2c090ca4a";

    [Fact]
    public void ComputeHash_KnownEntry_EqualsSha256OfNewlineJoinedFields()
    {
        // The documented format, written out independently: previous, sequence, timestamp, actor,
        // action, subject, outcome, payload joined by '\n', UTF-8, SHA-256, lowercase hex.
        var text = LedgerHasher.GenesisHash + "\n1\n2026-03-01T08:00:00.000Z\nada\nrunbook.import\nrunbook:x@1\nallowed\n{\"title\":\"Zürich\"}";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        var hash = LedgerHasher.ComputeHash(
            1, "2026-03-01T08:00:00.000Z", "ada", "runbook.import", "runbook:x@1", "allowed", "{\"title\":\"Zürich\"}", LedgerHasher.GenesisHash);

        Assert.Equal(expected, hash);
    }

    [Fact]
    public void ComputeHash_FixedInput_MatchesPinnedDigest()
    {
        // Pinned so that a change of field order, separator or encoding cannot slip through.
        var hash = LedgerHasher.ComputeHash(1, "2026-03-01T08:00:00.000Z", "ada", "a", "s", "allowed", "{}", LedgerHasher.GenesisHash);

        Assert.Equal(PinnedDigest, hash);
    }

    [Fact]
    public void Link_FirstEntry_StartsAtSequenceOneOnGenesis()
    {
        var entry = LedgerHasher.Link(null, LedgerChain.Start, "ada", "user.create", "user:bob", LedgerOutcome.Allowed, "{}");

        Assert.Equal(1, entry.Sequence);
        Assert.Equal(LedgerHasher.GenesisHash, entry.PreviousHash);
        Assert.Equal(LedgerHasher.ComputeHash(entry), entry.Hash);
    }

    [Fact]
    public void Link_AfterHead_CarriesHeadHashAndNextSequence()
    {
        var first = LedgerHasher.Link(null, LedgerChain.Start, "ada", "a", "s", LedgerOutcome.Allowed, "{}");

        var second = LedgerHasher.Link(first, LedgerChain.Start.AddSeconds(1), "ada", "a", "s", LedgerOutcome.Allowed, "{}");

        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
    }

    [Fact]
    public void Link_NonUtcTime_StoresUtcTimestampWithMilliseconds()
    {
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.FromHours(2));

        var entry = LedgerHasher.Link(null, at, "ada", "a", "s", LedgerOutcome.Allowed, "{}");

        Assert.Equal("2026-03-01T08:00:00.123Z", entry.Timestamp);
        Assert.Equal(at, entry.At);
    }

    [Theory]
    [InlineData("ad\na", "a", "s", "allowed")]
    [InlineData("ada", "a\r", "s", "allowed")]
    [InlineData("ada", "a", "s\tt", "allowed")]
    [InlineData("ada", "a", "s", "allowed\u0000")]
    public void Link_ControlCharacterInHeaderField_Throws(string actor, string action, string subject, string outcome)
    {
        Assert.Throws<ArgumentException>(() => LedgerHasher.Link(null, LedgerChain.Start, actor, action, subject, outcome, "{}"));
    }

    [Fact]
    public void Link_NewlineInPayload_IsAllowed()
    {
        var entry = LedgerHasher.Link(null, LedgerChain.Start, "ada", "a", "s", LedgerOutcome.Allowed, "line one\nline two");

        Assert.Equal(LedgerHasher.ComputeHash(entry), entry.Hash);
    }

}
