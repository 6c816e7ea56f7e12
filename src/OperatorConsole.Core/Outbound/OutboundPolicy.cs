using System.Net;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Outbound;

/// <summary>
/// Decides, per resolved address, whether the console may connect there on someone's behalf (probes, scope read-backs,
/// the lockdown webhook). Public addresses are open; non-public ones only when an Admin allowed them, or when they are
/// the console itself (a loopback address on the port it listens on), so relative probe paths such as /health/live work.
/// </summary>
public sealed class OutboundPolicy(IConsoleStore store, ISelfBaseAddress self)
{
    /// <summary>Why the console will not connect to <paramref name="address"/> for <paramref name="host"/>, or null when it may.</summary>
    public string? Refusal(string host, int port, IPAddress address)
    {
        var kind = NonPublicAddresses.Kind(address);
        if (kind is null || IsSelf(port, address) || store.Read(s => s.Outbound.AllowList()).Allows(host, address))
        {
            return null;
        }

        return $"{host} ({address}) is {kind}: the console connects only to public addresses and to destinations an Admin allowed (Admin → Outbound).";
    }

    /// <summary>
    /// A request with a body may change something at the target, so it goes only to the console itself or to a destination
    /// on the allow-list (by name, or every address the name resolves to inside an allowed block); null when it may.
    /// </summary>
    public async Task<string?> BodyRefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = url.IdnHost.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowList = store.Read(s => s.Outbound.AllowList());
        var allowed = addresses.Length > 0 && addresses.All(a => IsSelf(url.Port, a) || allowList.Allows(host, a));
        return allowed ? null : $"a request with a body goes only to destinations on the outbound allow-list (Admin → Outbound); {host} is not on it.";
    }

    private bool IsSelf(int port, IPAddress address)
    {
        if (!IPAddress.IsLoopback(address))
        {
            return false;
        }

        try
        {
            return self.Get().Port == port;
        }
        catch (InvalidOperationException)
        {
            return false; // Not listening yet, so nothing of ours to reach.
        }
    }
}
