using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Auth;

/// <summary>
/// Refuses cross-site requests made with the sign-in cookie. A page on another port of the same host is "same site", so
/// SameSite=Strict still sends the cookie with its auto-submitted forms; what such a page cannot do is add a custom
/// header (that needs a CORS preflight the console never grants) or read the antiforgery token of our pages. So an
/// unsafe /api call carried by the cookie must bring <see cref="Header"/> or a valid antiforgery token (the console's
/// own form posts, such as "Preserve evidence"). API-key callers never ride on ambient credentials and are not affected.
/// A live connection (the console hub, Blazor's circuit) carried by the cookie cannot send a header from a browser, so it
/// must come from the console's own pages: a browser says where it was opened from in <c>Sec-Fetch-Site</c>, also on
/// WebSocket handshakes, and anything but "same-origin" is refused (clients that are not browsers send no such header).
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    /// <summary>Any non-empty value will do; scripts using the cookie send e.g. <c>X-OC-Request: 1</c>.</summary>
    public const string Header = "X-OC-Request";

    private const string FetchSiteHeader = "Sec-Fetch-Site";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsCrossSiteLiveConnection(context))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site connection refused",
                detail: "A live connection with the sign-in cookie must come from the console's own pages; services should use an API key.")
                .ExecuteAsync(context);
            return;
        }

        if (!NeedsProof(context) || !string.IsNullOrEmpty(context.Request.Headers[Header]) || await antiforgery.IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }

        var problem = Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: $"A call to the API with the sign-in cookie must send the {Header} header (or the page's antiforgery token); "
                + "scripts and services should use an API key.");
        await problem.ExecuteAsync(context);
    }

    private static bool NeedsProof(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && CarriedByCookie(context);

    private static bool IsCrossSiteLiveConnection(HttpContext context) =>
        (context.Request.Path.StartsWithSegments(HubRoutes.Console) || context.Request.Path.StartsWithSegments("/_blazor"))
        && context.Request.Headers[FetchSiteHeader] is [{ } site] && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase)
        && CarriedByCookie(context);

    private static bool CarriedByCookie(HttpContext context) =>
        ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
}
