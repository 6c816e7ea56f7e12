using OperatorConsole.Core.Releases;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>Releases and model slots as 001's commands answer them (serialized snake_case by CommandResults).</summary>
public static class ModelView
{
    public sealed record ReleaseView(
        string Id, string Scope, string Version, string Stage, string Environment, long ShadowCycles, int ShadowTarget,
        bool ShadowComplete, double? CanaryRatio, string? Sbom, string? Changelog, DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt,
        PostDeployCheck? PostDeployCheck);

    public sealed record SlotView(string Scope, long BindingVersion, string? ActiveModel, string? ActiveManifestId, string? LastKnownGood, string? LastKnownGoodManifestId, string? Candidate);

    public static ReleaseView Of(Release r) => new(
        r.Id, r.ScopeId, r.Version, r.Stage.ToString().ToUpperInvariant(), r.Environment.ToString().ToUpperInvariant(), r.ShadowCycles, r.ShadowTarget,
        r.ShadowComplete, r.CanaryRatio, r.Sbom, r.Changelog, r.RegisteredAt, r.PromotedAt, r.PostDeployCheck);

    public static SlotView Of(ModelSlotStatus s) => new(
        s.ScopeId, s.BindingVersion, s.Active?.Version, s.Active?.Id, s.LastKnownGood?.Version, s.LastKnownGood?.Id, s.Candidate?.Version);
}
