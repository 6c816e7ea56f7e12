using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Runs;

/// <summary>When a run may start or complete; the service enforces these and pages ask them to explain a disabled button.</summary>
public static class RunRules
{
    /// <summary>Why a run of these sections cannot start, or null when it can.</summary>
    public static string? WhyNotStart(Runbook runbook, IReadOnlyList<RunbookSection> sections) =>
        sections.Any(s => s.Steps.Count > 0)
            ? null
            : $"{runbook.Title} has no steps to run: the import found none (see its warnings). Read its document instead.";

    /// <summary>Why the run cannot be completed yet, or null when it can.</summary>
    public static string? WhyNotComplete(RunbookRun run)
    {
        if (run.DoneCount == 0)
        {
            return "Nothing is checked yet: a run is completed only after its steps are done.";
        }

        var open = run.Steps.Where(s => !s.IsDone).Select(s => s.StepId).ToList();
        return open.Count == 0 ? null : $"{open.Count} step(s) are not done yet: {string.Join(", ", open.Take(10))}.";
    }
}
