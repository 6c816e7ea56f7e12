using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>
/// A listening socket on a loopback address (127.0.0.2, 127.0.0.3, … are all loopback on Linux) that accepts nothing
/// until <see cref="Serve"/> is called, so a test can see whether anyone connected: a completed handshake waits in the
/// backlog (<see cref="Connected"/>). Once serving, every request gets 200 with "{}".
/// </summary>
public sealed class LoopbackTarget : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackTarget(string address)
    {
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Whether a connection reached the socket and waits to be accepted (only meaningful before <see cref="Serve"/>).</summary>
    public bool Connected => _listener.Pending();

    public void Serve() => _ = LoopAsync();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var read = 0;
                while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal) && read < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read), _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // Stopped by Dispose, or a client went away.
        }
    }
}
