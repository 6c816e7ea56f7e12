using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>
/// Holds a parsed production config against what the release expects and against the console's own kill switches,
/// and turns it into the snapshot the console stores: every value except secrets, and for each secret only whether it
/// is present and its fingerprint. No check's detail ever shows a secret's value.
/// </summary>
public static class ConfigVerifier
{
    /// <param name="consoleSwitches">The console's switches that apply to the launch's scope (the scope's and the global ones).</param>
    public static ConfigVerification Verify(
        ParsedConfig config, ConfigExpectations expected, IReadOnlyList<KillSwitch> consoleSwitches, string source, DateTimeOffset takenAt, string takenBy)
    {
        var values = config.Values;
        var checks = new List<LaunchCheck>();
        if (expected.Endpoints.Count == 0 && expected.Flags.Count == 0 && expected.RequiredAuthKeys.Count == 0)
        {
            checks.Add(new("Expected values", false, "No expected endpoints, flags or auth keys are held for this release; set them first."));
        }

        checks.AddRange(expected.Endpoints.Select(e => Compare("Endpoint", e.Key, e.Value, values, SameEndpoint)));
        checks.AddRange(expected.Flags.Select(f => Compare("Flag", f.Key, f.Value, values, SameFlag)));
        checks.AddRange(KillSwitchDefaults.Check(values, expected.KillSwitchPrefix, consoleSwitches));
        checks.AddRange(expected.RequiredAuthKeys.Select(k => AuthKey(k, values)));
        return new ConfigVerification(checks, Snapshot(config, expected, source, takenAt, takenBy));
    }

    private static LaunchCheck Compare(string what, string key, string want, IReadOnlyDictionary<string, string> values, Func<string, string, bool> same)
    {
        var name = $"{what} {key}";
        if (!values.TryGetValue(key, out var actual))
        {
            return new(name, false, $"{key} is missing from the config; expected {ConfigSecrets.Shown(key, want)}.");
        }

        return same(want, actual)
            ? new(name, true, $"{key} is {ConfigSecrets.Shown(key, actual)} as expected.")
            : new(name, false, $"{key} is {ConfigSecrets.Shown(key, actual)}; expected {ConfigSecrets.Shown(key, want)}.");
    }

    private static bool SameEndpoint(string want, string actual) =>
        string.Equals(want.Trim().TrimEnd('/'), actual.Trim().TrimEnd('/'), StringComparison.Ordinal);

    private static bool SameFlag(string want, string actual) =>
        bool.TryParse(want.Trim(), out var w) && bool.TryParse(actual.Trim(), out var a)
            ? w == a
            : string.Equals(want.Trim(), actual.Trim(), StringComparison.Ordinal);

    private static LaunchCheck AuthKey(string key, IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? new($"Auth key {key}", true, $"{key} is present (fingerprint {ConfigSecrets.Fingerprint(value)}); its value is not kept.")
            : new($"Auth key {key}", false, value is null ? $"{key} is missing from the config." : $"{key} is in the config but empty.");

    /// <summary>Required auth keys and every secret-looking key leave the values; each is kept as presence and fingerprint only.</summary>
    private static StoredConfigSnapshot Snapshot(ParsedConfig config, ConfigExpectations expected, string source, DateTimeOffset takenAt, string takenBy)
    {
        var required = new HashSet<string>(expected.RequiredAuthKeys, StringComparer.Ordinal);
        bool IsSecret(KeyValuePair<string, string> kv) =>
            required.Contains(kv.Key) || ConfigSecrets.IsSecretKey(kv.Key) || ConfigSecrets.IsSecretValue(kv.Value);

        var kept = config.Values.Where(kv => !IsSecret(kv)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var authKeys = expected.RequiredAuthKeys
            .Concat(config.Values.Where(IsSecret).Select(kv => kv.Key))
            .Distinct(StringComparer.Ordinal)
            .Select(key => config.Values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v)
                ? new AuthKeyPresence(key, true, ConfigSecrets.Fingerprint(v))
                : new AuthKeyPresence(key, false, null))
            .ToList();
        return new StoredConfigSnapshot(config.Format, source, takenAt, takenBy, kept, authKeys);
    }
}
