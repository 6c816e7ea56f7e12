namespace OperatorConsole.Core.Runbooks;

public interface IRunbookRepository
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    Runbook? Get(string slug, int? version = null);

    /// <summary>The latest version of every runbook.</summary>
    IReadOnlyList<Runbook> Latest();

    /// <summary>Every version of one runbook, newest first.</summary>
    IReadOnlyList<Runbook> Versions(string slug);

    /// <summary>The runbook whose latest version came from <paramref name="sourcePath"/>, if any.</summary>
    Runbook? FindBySourcePath(string sourcePath);

    /// <summary>The runbook whose latest version declares <paramref name="declaredId"/> in its front matter, if any.</summary>
    Runbook? FindByDeclaredId(string declaredId);

    /// <summary>How many versions are stored, of all runbooks together; it grows with every import.</summary>
    int CountVersions();

    void Add(Runbook runbook);

    /// <summary>Stores the bytes of an imported file under their SHA-256; the same bytes are kept once.</summary>
    void AddFileContent(string sha256, byte[] content);

    byte[]? FileContent(string sha256);
}
