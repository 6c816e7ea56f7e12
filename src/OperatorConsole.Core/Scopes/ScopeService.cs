using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// Scopes and their manifests: reads for pages, services and the API; definitions and registrations by release
/// owners; checksum verification over stored or fetched content. Moving the active pointer is in ScopeService.Rebind.
/// </summary>
public sealed partial class ScopeService(
    ChangeRunner changes, GuardedActions.GuardedActionService guarded, ContentReader content, IEnumerable<IRebindFollower> followers)
{
    public const Role Publishers = Role.ReleaseOwner | Role.Admin;

    public IReadOnlyList<Scope> List() => changes.Store.Read(s => s.Scopes.All());

    public Scope? Get(string id) => changes.Store.Read(s => s.Scopes.Get(id));

    public ScopeDetail Detail(string id) => changes.Store.Read(s =>
    {
        var scope = s.Scopes.Get(id) ?? throw UnknownScope(id);
        var manifests = s.Scopes.Manifests(id);
        return new ScopeDetail(
            scope,
            manifests.FirstOrDefault(m => m.Id == scope.ActiveManifestId)?.Summary(),
            manifests.FirstOrDefault(m => m.Id == scope.LastKnownGoodId)?.Summary(),
            [.. manifests.Where(m => m.Id != scope.ActiveManifestId && m.Id != scope.LastKnownGoodId).Select(m => m.Summary())]);
    });

    /// <summary>What services resolve; NotFound for an unknown scope or one with nothing bound yet.</summary>
    public ActiveManifest Active(string id) => changes.Store.Read(s =>
    {
        var scope = s.Scopes.Get(id) ?? throw UnknownScope(id);
        var active = scope.ActiveManifestId is null ? null : s.Scopes.GetManifest(scope.ActiveManifestId);
        if (active is null)
        {
            throw new NotFoundException($"Scope '{id}' has no active manifest yet.");
        }

        var lkg = scope.LastKnownGoodId is null ? null : s.Scopes.GetManifest(scope.LastKnownGoodId);
        var last = scope.History.Count == 0 ? null : scope.History[^1];
        return new ActiveManifest(scope.Id, scope.Version, active.Summary(), lkg?.Summary(), last?.At ?? active.RegisteredAt, last?.ActorName ?? active.RegisteredBy);
    });

    /// <summary>The manifest with its content; NotFound if unknown.</summary>
    public Manifest Manifest(string manifestId) =>
        changes.Store.Read(s => s.Scopes.GetManifest(manifestId)) ?? throw new NotFoundException($"No manifest '{manifestId}'.");

    public async Task<Scope> CreateAsync(Actor actor, ScopeDefinition definition)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ScopeActions.Create, $"scope:{definition.Id}");
            ScopeRules.Check(definition);

            if (c.Session.Scopes.Get(definition.Id) is not null)
            {
                throw new ConflictException($"Scope '{definition.Id}' already exists.");
            }

            var scope = new Scope
            {
                Id = definition.Id,
                Name = definition.Name.Trim(),
                Description = string.IsNullOrWhiteSpace(definition.Description) ? null : definition.Description.Trim(),
                DrillTarget = definition.DrillTarget,
                ResolverProbeUrl = Blank(definition.ResolverProbeUrl),
                RulesProbeUrl = Blank(definition.RulesProbeUrl),
                PackProbeUrl = Blank(definition.PackProbeUrl),
            };
            c.Session.Scopes.Upsert(scope);
            var entry = c.Record(ScopeActions.Create, $"scope:{scope.Id}", definition);
            c.Publish(Topics.Scopes, ScopeEvents.Created, scope.Id, $"Scope {scope.Id} created", entry.Sequence);
            return scope;
        });
    }

    /// <summary>Registers a manifest as a candidate of its scope; binding it is a separate, guarded step.</summary>
    public async Task<ManifestSummary> RegisterManifestAsync(Actor actor, string scopeId, ManifestInput input)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ScopeActions.RegisterManifest, $"scope:{scopeId}");
            ScopeRules.Check(input);
            return RegisterManifest(c, scopeId, input);
        });
    }

    /// <summary>
    /// The registration itself, inside the caller's change: a release registers its manifest and itself in one
    /// transaction, so a crash can never leave a manifest without its release. The caller's change has passed its
    /// role and lockdown gates and checked the input.
    /// </summary>
    internal static ManifestSummary RegisterManifest(Change c, string scopeId, ManifestInput input)
    {
        _ = c.Session.Scopes.Get(scopeId) ?? throw UnknownScope(scopeId);
        if (c.Session.Scopes.GetManifest(input.Id) is not null)
        {
            throw new ConflictException($"Manifest '{input.Id}' is already registered.");
        }

        var manifest = new Manifest
        {
            Id = input.Id,
            ScopeId = scopeId,
            Version = input.Version.Trim(),
            ManifestChecksum = input.ManifestChecksum,
            PackChecksum = input.PackChecksum,
            CreatedAt = input.CreatedAt ?? c.Now,
            OriginRelease = Blank(input.OriginRelease),
            Changelog = Blank(input.Changelog),
            ManifestContent = input.ManifestContent,
            PackContent = input.PackContent,
            ManifestUrl = Blank(input.ManifestUrl),
            PackUrl = Blank(input.PackUrl),
            RegisteredBy = c.Actor.DisplayName,
            RegisteredAt = c.Now,
        };
        c.Session.Scopes.Upsert(manifest);
        var entry = c.Record(ScopeActions.RegisterManifest, $"scope:{scopeId}", manifest.Summary());
        c.Publish(Topics.Scope(scopeId), ScopeEvents.ManifestRegistered, scopeId, $"{manifest.Id} {manifest.Version} registered", entry.Sequence);
        c.Publish(Topics.Scopes, ScopeEvents.ManifestRegistered, scopeId, null, entry.Sequence);
        return manifest.Summary();
    }

    /// <summary>
    /// Recomputes SHA-256 over the manifest's stored content (or fetches it from its URL) and compares it with
    /// the declared checksums; with <paramref name="readBackUrl"/> the pack is also read back from there.
    /// </summary>
    public async Task<ChecksumReport> VerifyAsync(string manifestId, string? readBackUrl = null, CancellationToken cancellationToken = default)
    {
        var manifest = Manifest(manifestId);
        var checks = new List<ChecksumCheck>
        {
            await content.ChecksumAsync("manifest", manifest.ManifestChecksum, manifest.ManifestContent, manifest.ManifestUrl, cancellationToken),
            await content.ChecksumAsync("pack", manifest.PackChecksum, manifest.PackContent, manifest.PackUrl, cancellationToken),
        };
        if (!string.IsNullOrWhiteSpace(readBackUrl))
        {
            checks.Add(await content.ChecksumAsync("pack read back", manifest.PackChecksum, null, readBackUrl, cancellationToken));
        }

        return new ChecksumReport(manifest.Id, changes.Now, checks);
    }

    private static NotFoundException UnknownScope(string id) => new($"No scope '{id}'.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
