using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OperatorConsole.Web.Features.ApiReference;

/// <summary>
/// Describes the endpoints that are plain middleware rather than route handlers (health checks, the Prometheus scrape),
/// which the generator cannot see: each one that declares a summary gets a GET operation answering text.
/// </summary>
internal sealed class EndpointsWithoutHandlers(EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            // Route handlers carry their MethodInfo; the generator has described those already.
            var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
            var path = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (summary is null || endpoint.Metadata.GetMetadata<MethodInfo>() is not null || document.Paths.ContainsKey(path))
            {
                continue;
            }

            var tags = endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? [];
            var operation = new OpenApiOperation
            {
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference>(tags.Select(t => new OpenApiTagReference(t, document))),
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "OK",
                        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                    },
                },
            };
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                operation.Security = [];
            }

            document.Paths[path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
        }

        return Task.CompletedTask;
    }
}
