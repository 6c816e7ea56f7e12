using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorConsole.Core.Audit;

/// <summary>Why a checkpoint was sealed; <see cref="Shutdown"/> and <see cref="Startup"/> bracket the time the console was stopped.</summary>
public static class CheckpointReasons
{
    public const string Interval = "interval";
    public const string BundleExport = "bundle-export";
    public const string Startup = "startup";
    public const string Shutdown = "shutdown";
    public const string Export = "export";
    public const string Seeded = "seeded";

    /// <summary>After a host admin command wrote while the console was stopped: the key holder vouches for those entries.</summary>
    public const string HostAdmin = "host-admin";
}

/// <summary>
/// The ledger head (sequence and entry hash) signed with the console's checkpoint key, chained to the checkpoint
/// before it as CloudTrail chains its digest files. See docs/ledger.md for the signed text and how to check it.
/// <see cref="Defect"/> is set for a stored checkpoint that could not be read.
/// </summary>
public sealed record LedgerCheckpoint(
    long Number,
    long Sequence,
    string EntryHash,
    string PreviousCheckpointHash,
    string CreatedAt,
    string Reason,
    string KeyId,
    string Signature,
    string? Defect = null)
{
    public const string Format = "operator-console/ledger-checkpoint/1";

    /// <summary>The exact text that is signed (UTF-8, fields joined by '\n', no trailing newline).</summary>
    public string SignedText => string.Join('\n',
        Format, Number.ToString(CultureInfo.InvariantCulture), Sequence.ToString(CultureInfo.InvariantCulture),
        EntryHash, PreviousCheckpointHash, CreatedAt, Reason, KeyId);

    /// <summary>What the next checkpoint cites: SHA-256 of <see cref="SignedText"/>.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SignedText)));
}

/// <summary>The console's checkpoint key; only its public half ever leaves the host.</summary>
public interface ICheckpointSigner
{
    /// <summary>First 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo, DER).</summary>
    string KeyId { get; }

    /// <summary>The public key as PEM ("BEGIN PUBLIC KEY"), for anyone who wants to check checkpoints.</summary>
    string PublicKeyPem { get; }

    /// <summary>Base64 of an ECDSA P-256 / SHA-256 signature in DER form over the UTF-8 text.</summary>
    string Sign(string text);

    bool Verify(string text, string signature);
}

/// <summary>Where checkpoints are kept: outside the data file, so that rolling the data file back cannot take them along.</summary>
public interface ICheckpointLog
{
    /// <summary>Oldest first.</summary>
    IReadOnlyList<LedgerCheckpoint> All();

    LedgerCheckpoint? Latest();

    /// <summary>Durable when it returns.</summary>
    void Append(LedgerCheckpoint checkpoint);
}
