using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Core.Common;

/// <summary>
/// The handler for every request the console sends on someone's behalf (runbook probes, scope probes and read-backs,
/// the lockdown alert webhook). Those URLs come from runbooks, scopes and settings, so the console never follows a
/// redirect, never keeps cookies, and never connects to a link-local address: that is where cloud metadata services
/// (169.254.169.254) hand out credentials, and no operator target lives there.
/// </summary>
public static class OutboundHttp
{
    public static SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = ConnectAsync,
    };

    public static bool IsRefused(IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return a.IsIPv6LinkLocal || (a.AddressFamily == AddressFamily.InterNetwork && a.GetAddressBytes() is [169, 254, ..]);
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        // Resolve here and connect to the checked address, so a name cannot resolve differently between check and connect.
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => !IsRefused(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"{context.DnsEndPoint.Host} resolves only to link-local addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}); the console does not connect there.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
