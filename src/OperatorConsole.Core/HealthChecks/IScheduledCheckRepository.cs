namespace OperatorConsole.Core.HealthChecks;

public interface IScheduledCheckRepository
{
    ScheduledCheck? Get(string id);

    /// <summary>Every check, by name.</summary>
    IReadOnlyList<ScheduledCheck> All();

    void Upsert(ScheduledCheck check);

    /// <summary>Removes the check with its state and history.</summary>
    void Delete(string id);

    CheckState? State(string id);

    void SaveState(CheckState state);

    /// <summary>Appends a result and drops the oldest beyond <paramref name="keep"/> for that check.</summary>
    void AddResult(CheckResult result, int keep);

    /// <summary>A check's most recent results, oldest first.</summary>
    IReadOnlyList<CheckResult> History(string id, int limit);

    /// <summary>Whether the demo targets are told to fail (the demo control).</summary>
    bool DemoFailing();

    void SaveDemoFailing(bool failing);
}
