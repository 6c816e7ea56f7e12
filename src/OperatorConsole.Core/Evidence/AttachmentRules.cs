using System.Globalization;
using System.Text;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Evidence;

/// <summary>Limits on an attachment, shared by the service, the API and the upload control.</summary>
public static class AttachmentRules
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxNameLength = 120;
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>
    /// Types kept as given; anything else is stored as octet-stream, so a download never claims to be
    /// HTML or script even if a browser ignored the attachment disposition.
    /// </summary>
    public static readonly IReadOnlySet<string> KnownContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/plain", "application/json", "text/csv", "application/x-ndjson", "application/gzip", "application/zip",
        "image/png", "image/jpeg", "application/pdf", DefaultContentType,
    };

    public static void EnsureSize(string name, long size)
    {
        if (size <= 0)
        {
            throw new DomainValidationException($"Attachment '{name}' is empty; there is nothing to preserve.");
        }

        if (size > MaxBytes)
        {
            throw new PayloadTooLargeException(
                $"Attachment '{name}' is {Megabytes(size)} MB; the limit is {Megabytes(MaxBytes)} MB.");
        }
    }

    /// <summary>Keeps the last path segment, drops control and path-like characters, caps the length.</summary>
    public static string SanitizeName(string? name)
    {
        var lastSegment = (name ?? "").Split('/', '\\').Last();
        var sb = new StringBuilder();
        foreach (var ch in lastSegment)
        {
            if (!char.IsControl(ch) && "<>:\"|?*".IndexOf(ch, StringComparison.Ordinal) < 0)
            {
                sb.Append(ch);
            }
        }

        var clean = sb.ToString().Trim().Trim('.').Trim();
        if (clean.Length > MaxNameLength)
        {
            clean = clean[..MaxNameLength];
        }

        return clean.Length == 0 ? "attachment" : clean;
    }

    public static string NormalizeContentType(string? contentType)
    {
        var bare = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return bare is not null && KnownContentTypes.Contains(bare) ? bare : DefaultContentType;
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString("0.##", CultureInfo.InvariantCulture);
}
