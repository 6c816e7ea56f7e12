using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>One scope on the releases page: its name, what serves and waits, and its releases newest first.</summary>
public sealed record ScopeReleases(string Name, ModelSlotStatus Status, IReadOnlyList<Release> Releases);

public sealed partial class ReleaseService
{
    /// <summary>
    /// The releases view in one read: the default model slot first, then every other scope that has releases, by id.
    /// </summary>
    public IReadOnlyList<ScopeReleases> Overview() => changes.Store.Read(s =>
    {
        var all = s.Releases.List();
        return (IReadOnlyList<ScopeReleases>)[.. s.Scopes.All()
            .Where(scope => scope.Id == DefaultScope || all.Any(r => r.ScopeId == scope.Id))
            .OrderBy(scope => scope.Id == DefaultScope ? 0 : 1).ThenBy(scope => scope.Id, StringComparer.Ordinal)
            .Select(scope =>
            {
                var releases = all.Where(r => r.ScopeId == scope.Id).ToList();
                return new ScopeReleases(scope.Name, SlotOf(s, scope, releases), releases);
            })];
    });

    private static ModelSlotStatus SlotOf(IStoreSession session, Scope scope, IReadOnlyList<Release> releases)
    {
        var manifests = session.Scopes.Manifests(scope.Id);
        return new ModelSlotStatus(
            scope.Id,
            scope.Version,
            manifests.FirstOrDefault(m => m.Id == scope.ActiveManifestId)?.Summary(),
            manifests.FirstOrDefault(m => m.Id == scope.LastKnownGoodId)?.Summary(),
            releases.FirstOrDefault(r => r.Id == scope.ActiveManifestId),
            releases.FirstOrDefault(r => r.IsCandidate));
    }
}
