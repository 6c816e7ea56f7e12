using System.Collections.Concurrent;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// Each scope's standing (<see cref="ScopeStanding"/>). Verification hashes the active manifest's stored content;
/// the result is kept per manifest and declared checksums, so each publish is hashed once per process.
/// </summary>
public sealed class ScopeStandings(ChangeRunner changes, RollbackObjective objective)
{
    private readonly ConcurrentDictionary<string, (ActiveVerification Result, string? Problem)> _verified = new(StringComparer.Ordinal);

    public IReadOnlyList<ScopeStanding> All() =>
        changes.Store.Read(s => s.Scopes.All()).Select(Of).ToList();

    public ScopeStanding Get(string scopeId) =>
        Of(changes.Store.Read(s => s.Scopes.Get(scopeId)) ?? throw new NotFoundException($"No scope '{scopeId}'."));

    private ScopeStanding Of(Scope scope)
    {
        var active = scope.ActiveManifestId is { } id ? changes.Store.Read(s => s.Scopes.GetManifest(id)) : null;
        var (result, problem) = active is null
            ? (ActiveVerification.NotChecked, "Nothing is bound yet.")
            : _verified.GetOrAdd($"{active.Id}|{active.ManifestChecksum}|{active.PackChecksum}", _ => Verify(active));
        return new ScopeStanding(scope.Id, scope.Name, scope.ActiveManifestId, scope.LastKnownGoodId, result, problem, objective.Proof(scope.Id));
    }

    private static (ActiveVerification, string?) Verify(Manifest manifest)
    {
        if (manifest.ManifestContent is null || manifest.PackContent is null)
        {
            return (ActiveVerification.NotChecked, "The content is fetched from a URL; verify it on the scope page.");
        }

        var mismatches = new List<string>();
        if (Checksums.Sha256(manifest.ManifestContent) != manifest.ManifestChecksum)
        {
            mismatches.Add("manifest");
        }

        if (Checksums.Sha256(manifest.PackContent) != manifest.PackChecksum)
        {
            mismatches.Add("pack");
        }

        return mismatches.Count == 0
            ? (ActiveVerification.Passed, null)
            : (ActiveVerification.Failed, $"The active {string.Join(" and ", mismatches)} of {manifest.Id} does not match its declared checksum.");
    }
}
