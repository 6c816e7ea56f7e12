using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Web.Hosting;

/// <summary>Turns domain refusals into problem+json with the status a client can act on, and field problems into its <c>errors</c>.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DomainValidationException => (StatusCodes.Status400BadRequest, "The request is not valid"),
            AccessDeniedException => (StatusCodes.Status403Forbidden, "Not allowed"),
            NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            ConflictException => (StatusCodes.Status409Conflict, "Conflict"),
            LockedDownException => (StatusCodes.Status423Locked, "The console is in emergency lockdown"),
            ConfirmationRequiredException => (StatusCodes.Status428PreconditionRequired, "Confirmation required"),
            StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The console cannot save changes right now"),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        // Field problems go in the standard "errors" member (as ValidationProblemDetails), next to title and detail.
        var problem = exception is DomainValidationException { Errors.Count: > 0 } invalid
            ? new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = exception.Message;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }
}
