namespace OperatorConsole.Core.Runbooks;

/// <summary>
/// One runbook document to import. <see cref="SourcePath"/> is where it came from (its path in the repository or the
/// uploaded file name; null when pasted); <see cref="Files"/> are the images and linked files it references, by their
/// repository path.
/// </summary>
public sealed record RunbookUpload(string? SourcePath, byte[] Content, IReadOnlyDictionary<string, byte[]>? Files = null);
