using OperatorConsole.Core.Runbooks.Files;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// What a link in a step may open. Only web and mail addresses go out as written (re-serialised by <see cref="Uri"/>);
/// a relative link opens what it resolves to in the import (<see cref="RelativeLinks"/>) and an #anchor the runbook's
/// page. Every other scheme (javascript:, data:, file:, vbscript:…) and site-absolute paths stay plain text.
/// </summary>
internal static class StepLinkHref
{
    public static string? Of(string url, RunbookLinkContext? context)
    {
        var written = url.Trim();
        if (written.StartsWith('#'))
        {
            return context is null ? null : $"/runbooks/{Uri.EscapeDataString(context.Slug)}{written}";
        }

        if (RepoPath.Resolve(context?.SourcePath, written) is { } target)
        {
            return context is null ? null : RelativeLinks.Href(context, target, written, isImage: false);
        }

        return Uri.TryCreate(written, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
    }
}
