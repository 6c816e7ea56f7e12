namespace OperatorConsole.Cli;

/// <summary>Where opsctl reads its settings and writes its output: the process's own, or a test's captured ones.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> Environment, string ConfigFile)
{
    public const string UrlVariable = "OPSCTL_URL";
    public const string ApiKeyVariable = "OPSCTL_API_KEY";
    public const string ConfigVariable = "OPSCTL_CONFIG";

    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        System.Environment.GetEnvironmentVariable,
        System.Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } path ? path : DefaultConfigFile());

    /// <summary>~/.config/opsctl/config.json, or under $XDG_CONFIG_HOME when set.</summary>
    private static string DefaultConfigFile()
    {
        var root = System.Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "opsctl", "config.json");
    }
}
