using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>The production config could not be fetched: the outbound policy refused the address, or it did not answer with the config.</summary>
public sealed class ConfigFetchException(string message) : DomainException(message);

/// <summary>
/// Fetches a release's production config from its configured URL, through the outbound policy like every request the
/// console sends (a non-public address only when an Admin allowed it). The format comes from the Content-Type, else
/// from the URL's extension, else the parser detects it.
/// </summary>
public sealed class ConfigFetcher(ContentReader reader)
{
    public const string Field = "fetchUrl";

    public async Task<(string Text, string? Format)> FetchAsync(string url, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw DomainValidationException.ForFields([new FieldProblem(Field, "Set an absolute http(s) URL for the console to fetch the production config from.")]);
        }

        var read = await reader.ReadAsync(uri.AbsoluteUri, ct);
        if (read.Content is null)
        {
            throw new ConfigFetchException($"The production config could not be fetched: {read.Problem?.TrimEnd('.')}.");
        }

        return (Encoding.UTF8.GetString(read.Content), FormatOf(read.MediaType) ?? FormatOf(uri));
    }

    private static string? FormatOf(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "application/json" or "text/json" => "json",
        { } type when type.EndsWith("+json", StringComparison.Ordinal) => "json",
        "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => "yaml",
        _ => null,
    };

    private static string? FormatOf(Uri uri) => Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".yaml" or ".yml" => "yaml",
        ".env" => "env",
        _ => null,
    };
}
