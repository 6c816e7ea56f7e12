using OperatorConsole.Core.Runbooks.Files;

namespace OperatorConsole.Core.Runbooks.Bulk;

/// <summary>
/// What an uploaded archive may hold. A real runbook repository is far below every cap; they stop archives built to
/// exhaust memory (a "zip bomb" expands a few KB into gigabytes), which are read only as far as the caps allow.
/// </summary>
public static class ArchiveLimits
{
    /// <summary>The archive as uploaded (compressed).</summary>
    public const int MaxArchiveBytes = 25 * 1024 * 1024;

    public const int MaxEntries = 2000;

    /// <summary>Everything the archive expands to.</summary>
    public const long MaxTotalBytes = 100L * 1024 * 1024;

    /// <summary>One file; a larger one is reported as refused and its bytes are not kept.</summary>
    public const int MaxFileBytes = RunbookFileTypes.MaxFileBytes;
}
