using System.Formats.Tar;
using System.IO.Compression;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Files;

namespace OperatorConsole.Core.Runbooks.Bulk;

/// <summary>
/// Reads the regular files of a .zip or .tar.gz (told apart by their first bytes) within <see cref="ArchiveLimits"/>.
/// Paths that climb out ("..") or are absolute, links, and duplicate paths refuse the whole archive: they only occur
/// in archives made to write outside the folder they claim to be.
/// </summary>
public static class RunbookArchive
{
    public static IReadOnlyList<ArchiveFile> Read(byte[] archive)
    {
        if (archive.Length > ArchiveLimits.MaxArchiveBytes)
        {
            throw new PayloadTooLargeException($"The archive is larger than {ArchiveLimits.MaxArchiveBytes / 1024 / 1024} MB.");
        }

        var budget = new ArchiveBudget();
        try
        {
            var files = archive switch
            {
                [0x50, 0x4B, 0x03 or 0x05, 0x04 or 0x06, ..] => ReadZip(archive, budget),
                [0x1F, 0x8B, ..] => ReadTarGz(archive, budget),
                _ => throw Invalid("The upload is neither a .zip nor a .tar.gz archive."),
            };
            return WithoutCommonRoot(files);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw Invalid($"The archive is damaged or not a .zip/.tar.gz: {ex.Message}");
        }
    }

    private static List<ArchiveFile> ReadZip(byte[] archive, ArchiveBudget budget)
    {
        using var zip = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
        var files = new List<ArchiveFile>();
        foreach (var entry in zip.Entries)
        {
            budget.CountEntry();
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                continue;
            }

            // Unix file mode lives in the high half of the external attributes; S_IFLNK marks a symbolic link.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                throw Invalid($"'{entry.FullName}' is a symbolic link; archives of runbooks hold plain files only.");
            }

            var path = PathOf(entry.FullName);
            using var stream = entry.Open();
            files.Add(new ArchiveFile(path, budget.ReadFile(stream)));
        }

        return files;
    }

    private static List<ArchiveFile> ReadTarGz(byte[] archive, ArchiveBudget budget)
    {
        using var gzip = new GZipStream(new MemoryStream(archive, writable: false), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var files = new List<ArchiveFile>();
        while (tar.GetNextEntry() is { } entry)
        {
            budget.CountEntry();
            switch (entry.EntryType)
            {
                case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                    throw Invalid($"'{entry.Name}' is a link; archives of runbooks hold plain files only.");
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    var path = PathOf(entry.Name);
                    files.Add(new ArchiveFile(path, entry.DataStream is { } data ? budget.ReadFile(data) : []));
                    break;
            }
        }

        return files;
    }

    private static string PathOf(string entryName)
    {
        try
        {
            return RepoPath.Normalize(entryName, "archive");
        }
        catch (DomainValidationException ex)
        {
            throw Invalid($"The archive is refused: {ex.Message}");
        }
    }

    // GitHub's "Download ZIP" wraps everything in "<repo>-<branch>/": dropped, so a runbook's path stays the same
    // whatever the archive was called.
    private static IReadOnlyList<ArchiveFile> WithoutCommonRoot(List<ArchiveFile> files)
    {
        var duplicate = files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Invalid($"The archive holds '{duplicate.Key}' twice.");
        }

        var roots = files.Select(f => f.Path.Split('/')).ToList();
        var common = roots.Count > 0 && roots.All(p => p.Length > 1 && p[0] == roots[0][0]);
        return common ? [.. files.Select(f => f.WithPath(f.Path[(f.Path.IndexOf('/', StringComparison.Ordinal) + 1)..]))] : files;
    }

    private static DomainValidationException Invalid(string message) =>
        DomainValidationException.ForFields([new FieldProblem("archive", message)]);
}
