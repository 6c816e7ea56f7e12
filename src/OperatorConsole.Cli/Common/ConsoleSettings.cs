using System.Text.Json;

namespace OperatorConsole.Cli.Common;

/// <summary>
/// Where the console is and the API key to present. Read from OPSCTL_URL / OPSCTL_API_KEY, else from the config file;
/// never from a flag, so a key does not land in shell history or in the process list.
/// </summary>
public sealed record ConsoleSettings(Uri Url, string ApiKey)
{
    private sealed record ConfigFile(string? Url, string? ApiKey);

    public static ConsoleSettings Load(CliContext context)
    {
        var file = ReadConfig(context);
        var url = context.Environment(CliContext.UrlVariable) is { Length: > 0 } u ? u : file?.Url;
        var key = context.Environment(CliContext.ApiKeyVariable) is { Length: > 0 } k ? k : file?.ApiKey;
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(key))
        {
            throw new CliException(ExitCodes.BadInput,
                $"opsctl is not configured: set {CliContext.UrlVariable} and {CliContext.ApiKeyVariable}, or write {{\"url\": …, \"apiKey\": …}} to {context.ConfigFile} (mode 600).");
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? new ConsoleSettings(parsed, key.Trim())
            : throw new CliException(ExitCodes.BadInput, $"The console URL '{url}' is not an http(s) URL.");
    }

    private static ConfigFile? ReadConfig(CliContext context)
    {
        if (!File.Exists(context.ConfigFile))
        {
            return null;
        }

        WarnWhenOthersCanRead(context);
        try
        {
            return JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(context.ConfigFile), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{context.ConfigFile} is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>The file holds a secret: like ssh, say so when its group or others may read it (still use it).</summary>
    private static void WarnWhenOthersCanRead(CliContext context)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((File.GetUnixFileMode(context.ConfigFile) & others) != 0)
        {
            context.Error.WriteLine($"warning: {context.ConfigFile} holds an API key and others can read it; run: chmod 600 {context.ConfigFile}");
        }
    }
}
