namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Headers that keep document content inert: scripts only from our own origin (so a runbook can never
/// bring one), no framing, no sniffing. MudBlazor sets inline styles, hence 'unsafe-inline' for styles only.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // Set when the response starts, not on the way in: the exception handler clears the headers
    // before it writes a problem response, and those responses need the headers too.
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => Apply(((HttpContext)state).Response.Headers), context);
        return next(context);
    }

    private static Task Apply(IHeaderDictionary headers)
    {
        // A response may bring a stricter policy of its own (imported runbook files are sandboxed).
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = Csp;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return Task.CompletedTask;
    }
}
