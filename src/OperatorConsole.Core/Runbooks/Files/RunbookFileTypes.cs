namespace OperatorConsole.Core.Runbooks.Files;

/// <summary>The kinds of file a runbook may keep with it (images and linked documents), by extension.</summary>
public static class RunbookFileTypes
{
    /// <summary>One file; screenshots and PDFs are well below it.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",

        // Served under a CSP sandbox, so a script inside it never runs with the console's origin.
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
        [".json"] = "application/json",

        // Scripts and configs are shown as text, never handed to the browser as something it could execute.
        [".txt"] = "text/plain; charset=utf-8",
        [".log"] = "text/plain; charset=utf-8",
        [".csv"] = "text/plain; charset=utf-8",
        [".yaml"] = "text/plain; charset=utf-8",
        [".yml"] = "text/plain; charset=utf-8",
        [".toml"] = "text/plain; charset=utf-8",
        [".sh"] = "text/plain; charset=utf-8",
        [".py"] = "text/plain; charset=utf-8",
        [".sql"] = "text/plain; charset=utf-8",
        [".conf"] = "text/plain; charset=utf-8",
    };

    /// <summary>The Content-Type the file is served with, or null when runbooks do not keep this kind of file.</summary>
    public static string? ContentTypeOf(string path) => ContentTypes.GetValueOrDefault(Path.GetExtension(path));

    /// <summary>
    /// Images and text are shown in the browser; anything else (a PDF) is downloaded, since a sandboxed document
    /// cannot host the browser's own viewer.
    /// </summary>
    public static bool OpensInline(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("text/", StringComparison.Ordinal)
        || contentType == "application/json";

    public static bool IsMarkdown(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown";
}
