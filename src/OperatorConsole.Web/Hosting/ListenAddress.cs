namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Where the console listens: whatever the standard ASP.NET Core settings say (<c>ASPNETCORE_URLS</c>, <c>--urls</c>,
/// <c>Urls</c>, the <c>HTTP_PORTS</c> family or <c>Kestrel:Endpoints</c>), and loopback port 5080 only when none is given,
/// so a console is never exposed on every interface by default.
/// </summary>
public static class ListenAddress
{
    public const string Default = "http://127.0.0.1:5080";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    public static WebApplicationBuilder UseDefaultListenAddress(this WebApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }
}
