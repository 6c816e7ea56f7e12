using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Testing;

/// <summary>Ports for the servers the tests start on loopback (PostgreSQL, Redis).</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on: bound, read, released.</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
