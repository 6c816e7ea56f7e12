namespace OperatorConsole.Core.Runs;

public interface IRunRepository
{
    RunbookRun? Get(string id);

    /// <summary>Newest first; optionally only the runs of one runbook.</summary>
    IReadOnlyList<RunbookRun> List(string? runbookSlug = null, int limit = 200);

    void Upsert(RunbookRun run);
}
