using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Scopes;

/// <summary>SHA-256 as the console writes and compares it: 64 lowercase hex digits.</summary>
public static partial class Checksums
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static bool IsWellFormed(string? checksum) => checksum is not null && Sha256Hex().IsMatch(checksum);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}

/// <summary>One recomputed checksum: what was declared, what the content hashes to, and where the content came from.</summary>
public sealed record ChecksumCheck(string Name, string Expected, string? Actual, string Source, string? Problem)
{
    public bool Match => Problem is null && string.Equals(Expected, Actual, StringComparison.Ordinal);

    /// <summary>One line of evidence, e.g. "pack: MISMATCH — expected 3f2a…, got 9c1d… (GET https://…/pack)".</summary>
    public string Describe() =>
        $"{Name}: {(Match ? "match" : "MISMATCH")} — expected {Short(Expected)}, got {(Actual is null ? Problem : Short(Actual))} ({Source})";

    private static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] + "…" : checksum;
}

/// <summary>The checks of one verification; it passes only when every check matches.</summary>
public sealed record ChecksumReport(string ManifestId, DateTimeOffset At, IReadOnlyList<ChecksumCheck> Checks)
{
    public bool AllMatch => Checks.Count > 0 && Checks.All(c => c.Match);
}
