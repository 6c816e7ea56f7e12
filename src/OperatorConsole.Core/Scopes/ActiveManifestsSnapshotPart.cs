using System.Text.Json.Nodes;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Scopes;

/// <summary>The lockdown's pre-halt record of what every scope served: active and last known good with their checksums.</summary>
public sealed class ActiveManifestsSnapshotPart : ILockdownSnapshotPart
{
    public string Name => "active_manifests";

    public JsonNode? Capture(IStoreSession session) => SnapshotJson.Node(session.Scopes.All().Select(scope => new
    {
        Scope = scope.Id,
        BindingVersion = scope.Version,
        Active = Summary(session, scope.ActiveManifestId),
        LastKnownGood = Summary(session, scope.LastKnownGoodId),
    }));

    private static ManifestSummary? Summary(IStoreSession session, string? manifestId) =>
        manifestId is null ? null : session.Scopes.GetManifest(manifestId)?.Summary();
}
