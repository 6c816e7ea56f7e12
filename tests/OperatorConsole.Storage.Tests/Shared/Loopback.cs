using System.Net;
using System.Net.Sockets;
using System.Text;

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

/// <summary>A one-shot HTTP target on 127.0.0.1:0 that answers the first request with a fixed response.</summary>
public sealed class LoopbackHttpTarget : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackHttpTarget(int status, string json)
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        Served = ServeOnceAsync(status, json);
    }

    public Uri Address { get; }

    /// <summary>Completes with the request line once the response was written.</summary>
    public Task<string> Served { get; }

    public void Dispose() => _listener.Stop();

    private async Task<string> ServeOnceAsync(int status, string json)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var body = Encoding.UTF8.GetBytes(json);
        var head = $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        return request.ToString().Split("\r\n")[0];
    }
}
