using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.LaunchDay;

/// <summary>Launches by id (scope as a column for the per-scope list), the one duties row, and archived bundles by launch id.</summary>
internal sealed class PgLaunchRepository(PgContext db) : ILaunchRepository
{
    private const string DutiesId = "duties";

    private readonly PgDocuments _launches = new(db, "launches");
    private readonly PgDocuments _duties = new(db, "launch_duties");
    private readonly PgDocuments _bundles = new(db, "launch_bundles");

    public Launch? Get(string id) => _launches.Get<Launch>(id);

    public IReadOnlyList<Launch> List(string? scopeId = null) =>
        [.. _launches.Where<Launch>("@scope::text IS NULL OR scope_id = @scope", ("scope", scopeId))
            .OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal)];

    public void Upsert(Launch launch) => _launches.Upsert(launch.Id, launch, ("scope_id", launch.ScopeId));

    public SignOffDuties Duties() => _duties.Get<SignOffDuties>(DutiesId) ?? SignOffDuties.None;

    public void SaveDuties(SignOffDuties duties) => _duties.Upsert(DutiesId, duties);

    public void SaveBundle(string launchId, PreservedBundle bundle) => _bundles.Upsert(launchId, bundle);

    public PreservedBundle? Bundle(string launchId) => _bundles.Get<PreservedBundle>(launchId);
}
