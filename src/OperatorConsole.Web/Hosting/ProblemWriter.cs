using Microsoft.AspNetCore.Mvc;

namespace OperatorConsole.Web.Hosting;

/// <summary>Writes one problem+json answer; field problems go in the standard "errors" member, next to title and detail.</summary>
public sealed class ProblemWriter(IProblemDetailsService problems)
{
    public ValueTask<bool> WriteAsync(
        HttpContext http, Exception exception, int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        http.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = problem });
    }
}
