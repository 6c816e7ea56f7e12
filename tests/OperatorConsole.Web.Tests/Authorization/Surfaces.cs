using System.Reflection;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using OperatorConsole.Testing;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Tests.Authorization;

/// <summary>Everything a caller can reach, read from the running host and the hub type, never from a hand-kept list.</summary>
public static class Surfaces
{
    public const string PagePrefix = "PAGE ";
    public const string HubPrefix = "HUB ";

    /// <summary>"METHOD /pattern" for every HTTP endpoint that is neither a page, a hub nor a static file.</summary>
    public static IReadOnlyList<string> HttpEndpoints(ConsoleHost host) =>
        [.. RouteEndpoints(host)
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                && e.Metadata.GetMetadata<HubMetadata>() is null
                && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "HEAD")
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>"PAGE /route" for every routable Razor component.</summary>
    public static IReadOnlyList<string> Pages(ConsoleHost host) =>
        [.. RouteEndpoints(host)
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => PagePrefix + e.RoutePattern.RawText)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>"HUB Method" for every method a client can invoke on <see cref="ConsoleHub"/>.</summary>
    public static IReadOnlyList<MethodInfo> HubMethods() =>
        [.. typeof(ConsoleHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>A concrete path for a pattern: every parameter gets a value no record has (ints get 1, files a name with an extension).</summary>
    public static string PathFor(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)(:[^}]+)?\}", m => m.Groups[2].Value switch
        {
            ":int" => "1",
            ":file" => "matrix-none.txt",
            _ => "matrix-none",
        }).TrimStart('/');

    private static IEnumerable<RouteEndpoint> RouteEndpoints(ConsoleHost host) =>
        host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
}
