using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.ApiReference;

/// <summary>Names the API and the two ways a script signs in: an API key header, or the same key as a bearer token.</summary>
internal sealed class ConsoleDocumentInfo : IOpenApiDocumentTransformer
{
    private const string ApiKey = "apiKey";
    private const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "OperatorConsole API";
        document.Info.Description =
            "Scripts and services call the console with an API key (Admin → API keys), sent as the X-Api-Key header or as " +
            "`Authorization: Bearer <key>`. Every refusal is application/problem+json; a 400 names each bad field in `errors`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "An API key; its roles are the caller's roles.",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as a bearer token.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
