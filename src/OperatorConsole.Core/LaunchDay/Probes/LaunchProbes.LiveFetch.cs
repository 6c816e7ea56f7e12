using System.Text;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.LaunchDay.Probes;

public sealed partial class LaunchProbes
{
    /// <summary>
    /// As an app does: ask the resolver, follow what it names to the manifest, then to the pack, and hold both against the
    /// target build. Where the answer gives no manifestUrl/packUrl the app reads <c>{resolver}/manifest</c> and the scope's
    /// pack probe URL (else <c>{resolver}/pack</c>), as the publisher's resolver serves them.
    /// </summary>
    public async Task<IReadOnlyList<LaunchCheck>> LiveAppFetchAsync(Scope scope, Manifest expected, CancellationToken ct)
    {
        if (scope.ResolverProbeUrl is not { } resolver)
        {
            return [Missing("App resolves", $"Scope '{scope.Id}' has no resolver probe URL; set it on the scope so an app can be followed.")];
        }

        var read = await content.ReadAsync(resolver, ct);
        var answer = ResolverAnswer.Read(read.Content is null ? null : Encoding.UTF8.GetString(read.Content));
        if (read.Content is null || answer.ManifestId is null)
        {
            return [new("App resolves", false, read.Problem ?? $"GET {resolver} answered, but names no manifest (no manifestId in its JSON)")];
        }

        var resolves = answer.ManifestId == expected.Id
            ? new LaunchCheck("App resolves", true, $"GET {resolver} names {answer.ManifestId}, the target build")
            : new LaunchCheck("App resolves", false, $"GET {resolver} names {answer.ManifestId}, not the target build {expected.Id}");
        var manifestUrl = Follow(resolver, answer.ManifestUrl) ?? resolver.TrimEnd('/') + "/manifest";
        var packUrl = Follow(resolver, answer.PackUrl) ?? scope.PackProbeUrl ?? resolver.TrimEnd('/') + "/pack";
        return
        [
            resolves,
            Checksum("App manifest", await content.ChecksumAsync("manifest", expected.ManifestChecksum, null, manifestUrl, ct)),
            Checksum("App pack", await content.ChecksumAsync("pack", expected.PackChecksum, null, packUrl, ct)),
        ];
    }

    /// <summary>A URL in the resolver's answer: absolute as given, a path against the resolver's own origin.</summary>
    private static string? Follow(string resolver, string? link) =>
        link is null || Uri.IsWellFormedUriString(link, UriKind.Absolute) || resolver.StartsWith('/')
            ? link
            : new Uri(new Uri(resolver), link).AbsoluteUri;
}
