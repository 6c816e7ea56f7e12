namespace OperatorConsole.Core.LaunchDay;

/// <summary>A production config as read: flattened keys to values (the raw text is never kept).</summary>
public sealed record ParsedConfig(string Format, IReadOnlyDictionary<string, string> Values);

/// <summary>The result of holding a config against a release's expectations and the console's own switches.</summary>
public sealed record ConfigVerification(IReadOnlyList<LaunchCheck> Checks, StoredConfigSnapshot Snapshot)
{
    public bool Passed => Checks.All(c => c.Passed);
}
