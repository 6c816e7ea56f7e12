using System.Security.Cryptography;
using OperatorConsole.Web.Hosting;
using Scalar.AspNetCore;

namespace OperatorConsole.Web.Features.ApiReference;

/// <summary>
/// The OpenAPI document generated from the minimal APIs, and a reference page that reads it. Both sit behind the
/// console's sign-in like every other surface: the document names every endpoint and who may call it.
/// </summary>
public static class ApiReferenceSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api-reference";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer<ConsoleDocumentInfo>();
            o.AddDocumentTransformer<EndpointsWithoutHandlers>();
            o.AddOperationTransformer<ProblemResponses>();
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");

        // The page must work on an air-gapped network: scalar.js is embedded in the package and served from here,
        // the default fonts (a CDN) are off, and so is Scalar's telemetry. Its inline start-up script carries a fresh
        // nonce that the console's content security policy then allows. See docs/OBSERVABILITY.md.
        app.MapScalarApiReference(PagePath, (o, http) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            http.Items[SecurityHeadersMiddleware.ScriptNonceItem] = nonce;
            o.WithTitle("OperatorConsole API")
                .AddDocument(DocumentName)
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .WithNonce(nonce);
        });
        return app;
    }
}
