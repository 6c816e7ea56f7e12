using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OperatorConsole.Web.Features.ApiReference;

/// <summary>
/// Adds the problem+json answers every endpoint can give, by the rules the host applies to all of them (the fallback
/// sign-in policy, Core's gates inside every write, DomainExceptionHandler's table), instead of repeating them on
/// each of the endpoints.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var problem = await SchemaAsync<ProblemDetails>(context, cancellationToken);
        var validation = await SchemaAsync<HttpValidationProblemDetails>(context, cancellationToken);
        var description = context.Description;
        var anonymous = description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var write = description.HttpMethod is not ("GET" or "HEAD");
        var hasRouteValues = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");

        operation.Responses ??= [];
        Add(operation, 400, "The request is not valid; `errors` names each bad field.", validation);
        if (!anonymous)
        {
            Add(operation, 401, "No valid sign-in or API key.", problem);
            Add(operation, 403, "The caller's roles do not allow this.", problem);
        }

        if (hasRouteValues)
        {
            Add(operation, 404, "Nothing with that id.", problem);
        }

        if (write)
        {
            Add(operation, 409, "The subject changed or is in a state that refuses this.", problem);
            Add(operation, 423, "The console is in emergency lockdown.", problem);
            Add(operation, 503, "The console cannot save changes right now.", problem);
        }
    }

    private static void Add(OpenApiOperation operation, int status, string description, IOpenApiSchema schema) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
        });

    // One component per problem shape, referenced from every operation, so the document stays small.
    private static async Task<IOpenApiSchema> SchemaAsync<T>(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = typeof(T).Name;
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
        }

        return new OpenApiSchemaReference(name, document);
    }
}
