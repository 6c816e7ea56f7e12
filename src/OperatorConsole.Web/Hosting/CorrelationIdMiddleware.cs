using System.Text.RegularExpressions;
using Serilog.Context;

namespace OperatorConsole.Web.Hosting;

/// <summary>Carries a caller's X-Correlation-Id (or a new one) through every log line of the request and back in the response.</summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[Header].ToString();
        var id = SafeId().IsMatch(supplied) ? supplied : context.TraceIdentifier;
        context.TraceIdentifier = id;
        // On start, because the exception handler clears headers before writing a problem response.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
