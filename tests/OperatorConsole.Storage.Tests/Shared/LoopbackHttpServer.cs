using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// An HTTP target on 127.0.0.1:0 answering every GET until disposed; <c>respond</c> maps the request path to a
/// status and a JSON body at the moment of the request, so it can serve what the store holds right then.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, (int Status, string Json)> _respond;
    private readonly string _contentType;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="contentType">What every answer says it is; JSON unless a test serves something else.</param>
    public LoopbackHttpServer(Func<string, (int Status, string Json)> respond, string contentType = "application/json")
    {
        _respond = respond;
        _contentType = contentType;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = LoopAsync();
    }

    public Uri Address { get; }

    /// <summary>Completes with the first request line (e.g. "GET /health/live HTTP/1.1") once it was answered.</summary>
    public Task<string> FirstRequest => _firstRequest.Task;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var path = request.ToString().Split(' ')[1];
            var (status, json) = _respond(path);
            var body = Encoding.UTF8.GetBytes(json);
            var head = $"HTTP/1.1 {status} X\r\nContent-Type: {_contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body);
            await stream.FlushAsync();
            _firstRequest.TrySetResult(request.ToString().Split("\r\n")[0]);
        }
    }
}
