using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.HealthChecks;

/// <summary>Checks and their state by check id; results in insertion order (seq), by check, so trimming stays cheap.</summary>
internal sealed class PgScheduledCheckRepository(PgContext db) : IScheduledCheckRepository
{
    private readonly PgDocuments _checks = new(db, "health_checks");
    private readonly PgDocuments _states = new(db, "health_check_states");
    private readonly PgMeta<bool> _demoFailing = new(db, "health-check-demo-failing", false);

    public ScheduledCheck? Get(string id) => _checks.Get<ScheduledCheck>(id);

    public IReadOnlyList<ScheduledCheck> All() => [.. _checks.All<ScheduledCheck>().OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

    public void Upsert(ScheduledCheck check) => _checks.Upsert(check.Id, check);

    public void Delete(string id)
    {
        _checks.Delete("id = @id", ("id", id));
        _states.Delete("id = @id", ("id", id));
        db.Execute("DELETE FROM health_check_results WHERE check_id = @id", ("id", id));
    }

    public CheckState? State(string id) => _states.Get<CheckState>(id);

    public void SaveState(CheckState state) => _states.Upsert(state.CheckId, state);

    public void AddResult(CheckResult result, int keep)
    {
        db.Execute("INSERT INTO health_check_results (doc, check_id) VALUES (CAST(@doc AS jsonb), @check)",
            ("doc", JsonDocuments.Serialize(result)), ("check", result.CheckId));
        db.Execute(
            "DELETE FROM health_check_results WHERE check_id = @check AND seq NOT IN " +
            "(SELECT seq FROM health_check_results WHERE check_id = @check ORDER BY seq DESC LIMIT @keep)",
            ("check", result.CheckId), ("keep", Math.Max(0, keep)));
    }

    public IReadOnlyList<CheckResult> History(string id, int limit) =>
        [.. db.Rows("SELECT doc::text FROM health_check_results WHERE check_id = @check ORDER BY seq DESC LIMIT @limit",
            r => JsonDocuments.Deserialize<CheckResult>(r.GetString(0), id), ("check", id), ("limit", Math.Max(0, limit))).AsEnumerable().Reverse()];

    public bool DemoFailing() => _demoFailing.Get();

    public void SaveDemoFailing(bool failing) => _demoFailing.Save(failing);
}
