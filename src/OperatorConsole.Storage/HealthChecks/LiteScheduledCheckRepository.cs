using LiteDB;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.HealthChecks;

/// <summary>Checks and their state by check id; results in their own collection, indexed by check and sequence so trimming stays cheap.</summary>
internal sealed class LiteScheduledCheckRepository(ILiteDatabase db, bool writable) : IScheduledCheckRepository
{
    private readonly ILiteCollection<BsonDocument> _checks = db.GetCollection(LiteSchema.HealthChecks);
    private readonly ILiteCollection<BsonDocument> _states = db.GetCollection(LiteSchema.HealthCheckStates);
    private readonly ILiteCollection<BsonDocument> _results = db.GetCollection(LiteSchema.HealthCheckResults);
    private readonly MetaDocument<bool> _demoFailing = new(db, writable, "health-check-demo-failing", false);

    public ScheduledCheck? Get(string id) => _checks.FindById(id) is { } doc ? JsonDocuments.Unwrap<ScheduledCheck>(doc) : null;

    public IReadOnlyList<ScheduledCheck> All() =>
        [.. _checks.FindAll().Select(JsonDocuments.Unwrap<ScheduledCheck>).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

    public void Upsert(ScheduledCheck check)
    {
        LiteSession.EnsureWritable(writable);
        _checks.Upsert(JsonDocuments.Wrap(check.Id, check));
    }

    public void Delete(string id)
    {
        LiteSession.EnsureWritable(writable);
        _checks.Delete(id);
        _states.Delete(id);
        _results.DeleteMany(Query.EQ("checkId", id));
    }

    public CheckState? State(string id) => _states.FindById(id) is { } doc ? JsonDocuments.Unwrap<CheckState>(doc) : null;

    public void SaveState(CheckState state)
    {
        LiteSession.EnsureWritable(writable);
        _states.Upsert(JsonDocuments.Wrap(state.CheckId, state));
    }

    public void AddResult(CheckResult result, int keep)
    {
        LiteSession.EnsureWritable(writable);
        _results.Insert(JsonDocuments.Wrap(ObjectId.NewObjectId(), result, ("checkId", result.CheckId)));
        var ids = _results.Query().Where(Query.EQ("checkId", result.CheckId)).OrderByDescending("_id").Select(d => d["_id"]).ToList();
        foreach (var old in ids.Skip(keep))
        {
            _results.Delete(old);
        }
    }

    public IReadOnlyList<CheckResult> History(string id, int limit) =>
        [.. _results.Query().Where(Query.EQ("checkId", id)).OrderByDescending("_id").Limit(limit).ToList()
            .Select(JsonDocuments.Unwrap<CheckResult>).Reverse()];

    public bool DemoFailing() => _demoFailing.Get();

    public void SaveDemoFailing(bool failing) => _demoFailing.Save(failing);
}
