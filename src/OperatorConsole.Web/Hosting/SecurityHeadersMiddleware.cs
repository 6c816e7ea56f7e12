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

    /// <summary>
    /// HttpContext.Items key: a per-request nonce the response's own inline scripts carry (the API reference page's
    /// start-up script). The policy then allows scripts with that nonce too, and nothing else inline.
    /// </summary>
    public const string ScriptNonceItem = "OperatorConsole.ScriptNonce";

    // Set when the response starts, not on the way in: the exception handler clears the headers
    // before it writes a problem response, and those responses need the headers too.
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        // An endpoint may declare a stricter policy of its own (imported runbook files are sandboxed).
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<StricterContentSecurityPolicy>()?.Policy
            ?? (context.Items[ScriptNonceItem] is string nonce ? Csp.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal) : Csp);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return Task.CompletedTask;
    }
}

/// <summary>Endpoint metadata: this endpoint's responses carry <see cref="Policy"/> instead of the console's CSP.</summary>
public sealed record StricterContentSecurityPolicy(string Policy);
