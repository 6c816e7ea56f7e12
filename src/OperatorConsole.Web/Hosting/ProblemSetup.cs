using Microsoft.AspNetCore.Routing;
using OperatorConsole.Web.Api;

namespace OperatorConsole.Web.Hosting;

/// <summary>Every error answer is problem+json: refusals, unreadable requests and bare status codes alike.</summary>
public static class ProblemSetup
{
    public static IServiceCollection AddConsoleProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<ProblemWriter>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new StrictEnumConverter()));

        // Binding failures throw instead of answering a bare 400, so BadRequestHandler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        return services;
    }
}
