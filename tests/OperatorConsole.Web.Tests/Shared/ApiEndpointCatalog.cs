using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>One HTTP endpoint the running app maps: method, route template, its route parameters and the JSON body type it binds (null when it reads the body itself or takes none).</summary>
public sealed record ApiEndpoint(string Method, string Route, IReadOnlyList<string> RouteParameters, Type? BodyType)
{
    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>The route with each {parameter} replaced by the escaped value chosen for it.</summary>
    public string PathWith(Func<string, string> valueFor)
    {
        // {name}, {*name}, {name:constraint} and {name?} alike.
        var path = Route;
        foreach (var name in RouteParameters)
        {
            path = Regex.Replace(path, @"\{\**" + Regex.Escape(name) + @"(:[^}]*)?\??\}", _ => Uri.EscapeDataString(valueFor(name)));
        }

        return path;
    }

    /// <summary>The literal segment before a parameter ("incidents" for /api/incidents/{id}), which says what the parameter names.</summary>
    public string? SegmentBefore(string parameter)
    {
        var segments = Route.Split('/');
        var at = Array.FindIndex(segments, s => s.StartsWith("{" + parameter, StringComparison.Ordinal) || s.StartsWith("{*" + parameter, StringComparison.Ordinal));
        return at > 0 && !segments[at - 1].StartsWith('{') ? segments[at - 1] : null;
    }

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// Every endpoint the app maps, read from its EndpointDataSource, so suites that must cover "every endpoint" (fuzzing,
/// authorization) pick up a new one without being edited.
/// </summary>
public static class ApiEndpointCatalog
{
    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new ApiEndpoint(
                method,
                "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
                [.. e.RoutePattern.Parameters.Select(p => p.Name)],
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .DistinctBy(e => (e.Method, e.Route))
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)];

    /// <summary>The endpoints under /api that take a body.</summary>
    public static IReadOnlyList<ApiEndpoint> ApiWithBody(IServiceProvider services) =>
        [.. All(services).Where(e => e.TakesBody && e.Route.StartsWith("/api/", StringComparison.Ordinal))];
}
