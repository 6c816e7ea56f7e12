namespace OperatorConsole.Web.Api;

/// <summary>
/// For endpoints that read a JSON body themselves: anything but application/json (or a +json type) is answered 415,
/// so a text/plain form that happens to hold JSON is never taken for a command.
/// </summary>
public static class RequireJsonBody
{
    public static TBuilder RequireJsonContentType<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            IsJson(context.HttpContext.Request.ContentType)
                ? await next(context)
                : Results.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: "Send the body as JSON with Content-Type: application/json."));

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
