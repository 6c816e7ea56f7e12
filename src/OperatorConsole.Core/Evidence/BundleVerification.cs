using System.Text.Json;

namespace OperatorConsole.Core.Evidence;

/// <summary>What the console can say about a bundle handed back to it; on the wire as <see cref="BundleVerification.VerdictName"/>.</summary>
public enum BundleVerdict
{
    /// <summary>This console issued it (its ledger records the integrity hash) and nothing in it changed.</summary>
    IssuedHereValid,

    /// <summary>It claims to come from this console but differs from what the ledger recorded; <see cref="BundleVerification.DifferingParts"/> says where.</summary>
    Tampered,

    /// <summary>Not issued here; its own hashes agree. Nothing more can be said: anyone can compute them.</summary>
    ForeignConsistent,

    /// <summary>Not issued here, and its own hashes do not agree either.</summary>
    ForeignInconsistent,

    /// <summary>Not a bundle at all.</summary>
    Malformed,
}

/// <summary>The verdict, a sentence for people, the parts that differ from what the console issued, and every finding.</summary>
public sealed record BundleVerification(BundleVerdict Verdict, string Summary, IReadOnlyList<string> DifferingParts, IReadOnlyList<string> Problems)
{
    public bool Valid => Verdict == BundleVerdict.IssuedHereValid;

    /// <summary>Kebab case: "issued-here-valid", "tampered", "foreign-consistent", "foreign-inconsistent", "malformed".</summary>
    public string VerdictName => JsonNamingPolicy.KebabCaseLower.ConvertName(Verdict.ToString());

    public static BundleVerification NotABundle(string problem) => new(BundleVerdict.Malformed, "Not an evidence bundle.", [], [problem]);
}
