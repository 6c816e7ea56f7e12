using LiteDB;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.LaunchDay;

/// <summary>Launches by id (scope indexed for the per-scope list), the one duties document, and archived bundles by launch id.</summary>
internal sealed class LiteLaunchRepository(ILiteDatabase db, bool writable) : ILaunchRepository
{
    private const string DutiesId = "duties";

    private readonly ILiteCollection<BsonDocument> _launches = db.GetCollection(LiteSchema.Launches);
    private readonly ILiteCollection<BsonDocument> _duties = db.GetCollection(LiteSchema.LaunchDuties);
    private readonly ILiteCollection<BsonDocument> _bundles = db.GetCollection(LiteSchema.LaunchBundles);

    public Launch? Get(string id) => _launches.FindById(id) is { } doc ? JsonDocuments.Unwrap<Launch>(doc) : null;

    public IReadOnlyList<Launch> List(string? scopeId = null) =>
        [.. (scopeId is null ? _launches.FindAll() : _launches.Find(Query.EQ("scopeId", scopeId)))
            .Select(JsonDocuments.Unwrap<Launch>)
            .OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal)];

    public void Upsert(Launch launch)
    {
        LiteSession.EnsureWritable(writable);
        _launches.Upsert(JsonDocuments.Wrap(launch.Id, launch, ("scopeId", launch.ScopeId)));
    }

    public SignOffDuties Duties() => _duties.FindById(DutiesId) is { } doc ? JsonDocuments.Unwrap<SignOffDuties>(doc) : SignOffDuties.None;

    public void SaveDuties(SignOffDuties duties)
    {
        LiteSession.EnsureWritable(writable);
        _duties.Upsert(JsonDocuments.Wrap(DutiesId, duties));
    }

    public void SaveBundle(string launchId, PreservedBundle bundle)
    {
        LiteSession.EnsureWritable(writable);
        _bundles.Upsert(JsonDocuments.Wrap(launchId, bundle));
    }

    public PreservedBundle? Bundle(string launchId) => _bundles.FindById(launchId) is { } doc ? JsonDocuments.Unwrap<PreservedBundle>(doc) : null;
}
