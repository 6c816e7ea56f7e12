namespace OperatorConsole.Core.Runbooks.Bulk;

/// <summary>One regular file of an uploaded archive; <see cref="Content"/> is null when the file was over the cap.</summary>
public sealed record ArchiveFile(string Path, byte[]? Content)
{
    public ArchiveFile WithPath(string path) => this with { Path = path };
}
