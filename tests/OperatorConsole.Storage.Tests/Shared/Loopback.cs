using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Storage.Tests.Shared;

public static class Loopback
{
    /// <summary>A port nothing listens on: bound, read, released.</summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
