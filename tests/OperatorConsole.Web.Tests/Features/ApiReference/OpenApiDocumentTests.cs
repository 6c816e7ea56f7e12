using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Features.ApiReference;

public sealed partial class OpenApiDocumentTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string DocumentPath = "/openapi/v1.json";

    [Fact]
    public async Task Document_EveryMappedEndpoint_IsDescribed()
    {
        var described = (await DocumentAsync()).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet(StringComparer.Ordinal);

        var missing = MappedEndpoints().Where(e => !described.Contains(e)).ToList();

        Assert.True(missing.Count == 0, "Endpoints missing from the OpenAPI document:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Document_EveryOperation_HasSummaryAndProblemJsonErrors()
    {
        var document = await DocumentAsync();
        var lacking = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    lacking.Add($"{name}: no summary");
                }

                var responses = operation.Value.GetProperty("responses");
                if (path.Name.StartsWith("/api/", StringComparison.Ordinal)
                    && !(responses.TryGetProperty("403", out var forbidden) && forbidden.GetProperty("content").TryGetProperty("application/problem+json", out _)))
                {
                    lacking.Add($"{name}: no problem+json 403");
                }
            }
        }

        Assert.True(lacking.Count == 0, string.Join('\n', lacking));
    }

    [Fact]
    public async Task Document_RequestBodies_ReferenceTheirSchemas()
    {
        var flip = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/kill-switches/{key}/flip").GetProperty("post");

        var schema = flip.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        Assert.Equal("#/components/schemas/Flip", schema.GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Document_Anonymous_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync(DocumentPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReferencePage_SignedIn_LoadsOnlyFromTheConsole()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var page = await viewer.GetStringAsync("/api-reference");

        Assert.Contains("<script", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalAddress(), page);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        using var response = await viewer.GetAsync(DocumentPath);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>
    /// "METHOD /path" of every endpoint a client calls, read from the running host: pages, hubs, Blazor's own
    /// endpoints, static files and anything mapped with ExcludeFromDescription are not API.
    /// </summary>
    private IEnumerable<string> MappedEndpoints() =>
        host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                && e.Metadata.GetMetadata<HubMetadata>() is null
                && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
                && !(e.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith('_')
                && !(e.RoutePattern.RawText ?? string.Empty).Contains(":file}", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "HEAD")
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText ?? string.Empty)}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    // "/api/runbooks/{slug}/v{version:int}/files/{**path}" and "/api/runbooks/{slug}/v{version}/files/{path}" are one route.
    private static string Normalize(string route) =>
        "/" + RouteParameter().Replace(route, m => "{" + m.Groups["name"].Value + "}").Trim('/');

    [GeneratedRegex(@"\{\**(?<name>[^}:?=]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();
}
