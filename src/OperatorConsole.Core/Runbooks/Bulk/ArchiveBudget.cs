using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Bulk;

/// <summary>Counts entries and expanded bytes while an archive is read, and stops as soon as a cap is passed.</summary>
internal sealed class ArchiveBudget
{
    private int _entries;
    private long _total;

    public void CountEntry()
    {
        if (++_entries > ArchiveLimits.MaxEntries)
        {
            throw new PayloadTooLargeException($"The archive holds more than {ArchiveLimits.MaxEntries} entries.");
        }
    }

    /// <summary>
    /// The file's bytes, or null when it passes the per-file cap. The rest of an oversized file is still read (and
    /// counted against the total) but not kept, so the total cap bounds the work whatever the headers claim.
    /// </summary>
    public byte[]? ReadFile(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var oversized = false;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            _total += read;
            if (_total > ArchiveLimits.MaxTotalBytes)
            {
                throw new PayloadTooLargeException(
                    $"The archive expands to more than {ArchiveLimits.MaxTotalBytes / 1024 / 1024} MB.");
            }

            oversized |= buffer.Length + read > ArchiveLimits.MaxFileBytes;
            if (!oversized)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return oversized ? null : buffer.ToArray();
    }
}
