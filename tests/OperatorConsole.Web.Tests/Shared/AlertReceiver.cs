using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>A real HTTP receiver on a loopback port (HttpListener) that answers every POST with a fixed status and keeps the bodies.</summary>
public sealed class AlertReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AlertReceiver(HttpStatusCode answer = HttpStatusCode.NoContent)
    {
        Url = $"http://127.0.0.1:{UnusedPort()}/hooks/lockdown/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync(answer);
    }

    public string Url { get; }

    /// <summary>The body of the first request received.</summary>
    public Task<string> FirstBody => _first.Task;

    public string? FirstContentType { get; private set; }

    public static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync(HttpStatusCode answer)
    {
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    FirstContentType ??= context.Request.ContentType;
                    _first.TrySetResult(await reader.ReadToEndAsync());
                }

                context.Response.StatusCode = (int)answer;
                context.Response.Close();
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Closed by Dispose.
        }
    }
}
