using System.Net;
using System.Text;
using System.Threading.Channels;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (HttpListener) standing in for a chat webhook: its URL carries a secret path, it
/// answers each POST with the next of the given statuses (the last one repeats), and hands every body to the test.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    public const string Secret = "T0SECRET/B0SECRET/xoxSecretTail42";
    private readonly HttpListener _listener = new();
    private readonly Channel<string> _bodies = Channel.CreateUnbounded<string>();
    private readonly Queue<HttpStatusCode> _answers;

    public WebhookReceiver(params HttpStatusCode[] answers)
    {
        _answers = new Queue<HttpStatusCode>(answers.Length == 0 ? [HttpStatusCode.OK] : answers);
        var prefix = $"http://127.0.0.1:{AlertReceiver.UnusedPort()}/services/";
        _listener.Prefixes.Add(prefix);
        _listener.Start();
        Url = prefix + Secret;
        _ = ServeAsync();
    }

    public string Url { get; }

    public int Received { get; private set; }

    /// <summary>The next body received, waiting for it.</summary>
    public async Task<string> NextBodyAsync() => await _bodies.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    await _bodies.Writer.WriteAsync(await reader.ReadToEndAsync());
                }

                Received++;
                context.Response.StatusCode = (int)(_answers.Count > 1 ? _answers.Dequeue() : _answers.Peek());
                context.Response.Close();
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Closed by Dispose.
        }
    }
}
