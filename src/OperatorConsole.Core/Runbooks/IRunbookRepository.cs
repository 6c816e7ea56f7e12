namespace OperatorConsole.Core.Runbooks;

public interface IRunbookRepository
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    Runbook? Get(string slug, int? version = null);

    /// <summary>The latest version of every runbook.</summary>
    IReadOnlyList<Runbook> Latest();

    /// <summary>Every version of one runbook, newest first.</summary>
    IReadOnlyList<Runbook> Versions(string slug);

    /// <summary>How many versions are stored, of all runbooks together; it grows with every import.</summary>
    int CountVersions();

    void Add(Runbook runbook);
}
