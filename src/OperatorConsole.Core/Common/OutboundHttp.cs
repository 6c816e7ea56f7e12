using System.Net;
using System.Net.Sockets;
using OperatorConsole.Core.Outbound;

namespace OperatorConsole.Core.Common;

/// <summary>
/// The handler for every request the console sends on someone's behalf (runbook probes, scope probes and read-backs,
/// the lockdown alert webhook). Those URLs come from runbooks, scopes and settings, so the console never follows a
/// redirect, never keeps cookies, and connects only where <see cref="OutboundPolicy"/> allows: it checks each address the
/// name resolved to at connect time and connects to a checked one, so a name cannot resolve differently in between.
/// </summary>
public static class OutboundHttp
{
    public static SocketsHttpHandler Handler(OutboundPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // A removed allow-list entry must not live on in a pooled connection for long.
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(OutboundPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var judged = addresses.Select(a => (Address: a, Refusal: policy.Refusal(host, port, a))).ToArray();
        var allowed = judged.Where(j => j.Refusal is null).Select(j => j.Address).ToArray();
        if (allowed.Length == 0)
        {
            throw new OutboundRefusedException(judged.Length == 0
                ? $"{host} does not resolve to any address."
                : string.Join(" ", judged.Select(j => j.Refusal).Distinct(StringComparer.Ordinal)));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The outbound policy refused the destination before any connection was attempted.</summary>
public sealed class OutboundRefusedException(string message) : HttpRequestException(message)
{
    /// <summary>The refusal anywhere in <paramref name="exception"/>'s chain (the handler wraps what the connect step throws).</summary>
    public static OutboundRefusedException? In(Exception? exception) =>
        exception switch
        {
            null => null,
            OutboundRefusedException refused => refused,
            _ => In(exception.InnerException),
        };
}
