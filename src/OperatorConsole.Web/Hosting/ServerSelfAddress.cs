using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Web.Hosting;

/// <summary>The first address Kestrel actually bound (the port is only known after start when it is 0).</summary>
public sealed class ServerSelfAddress(IServer server) : ISelfBaseAddress
{
    public Uri Get()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has not bound an address yet.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal));
        return uri.Uri;
    }
}
