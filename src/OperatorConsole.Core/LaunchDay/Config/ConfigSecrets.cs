using System.Text;
using System.Text.RegularExpressions;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>Which config keys hold secrets, and the only thing the console keeps of one: a SHA-256 fingerprint.</summary>
public static partial class ConfigSecrets
{
    public const string Hidden = "(secret, not shown)";

    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "apikey", "secret", "secrets", "token", "password", "passwd", "pwd", "credential", "credentials", "private",
    };

    /// <summary>A key is secret when one of its words (split at '.', '_', '-' and camelCase) names one, e.g. "api.key", "DB_PASSWORD", "authToken".</summary>
    public static bool IsSecretKey(string key) => Words(key).Any(SecretWords.Contains);

    /// <summary>A value is a secret whatever its key when it carries a private key block.</summary>
    public static bool IsSecretValue(string value) => value.Contains("PRIVATE KEY", StringComparison.Ordinal);

    public static string Fingerprint(string value) => "sha256:" + Checksums.Sha256(Encoding.UTF8.GetBytes(value));

    /// <summary>The value as a check may show it: never a secret's.</summary>
    public static string Shown(string key, string value) => IsSecretKey(key) || IsSecretValue(value) ? Hidden : $"'{value}'";

    private static IEnumerable<string> Words(string key) =>
        Separators().Split(CamelBoundary().Replace(key, "$1 $2")).Where(w => w.Length > 0);

    [GeneratedRegex(@"[.\-_\s/:]+")]
    private static partial Regex Separators();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
