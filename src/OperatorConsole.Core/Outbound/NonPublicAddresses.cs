using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Core.Outbound;

/// <summary>
/// The address blocks that are not the public internet (IANA special-purpose registries, RFC 6890): loopback, private
/// networks, carrier-grade NAT, link-local (where cloud metadata services live), unique-local, NAT64, documentation,
/// multicast and reserved space. IPv6 forms that embed an IPv4 address (mapped, compatible, 6to4) are judged by it.
/// </summary>
public static class NonPublicAddresses
{
    private static readonly (IpNetwork Block, string Name)[] Blocks =
    [
        (IpNetwork.Parse("0.0.0.0/8"), "'this network' (0.0.0.0/8)"),
        (IpNetwork.Parse("10.0.0.0/8"), "private (RFC 1918)"),
        (IpNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT (100.64.0.0/10)"),
        (IpNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IpNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IpNetwork.Parse("172.16.0.0/12"), "private (RFC 1918)"),
        (IpNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments (192.0.0.0/24)"),
        (IpNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IpNetwork.Parse("192.88.99.0/24"), "6to4 relay"),
        (IpNetwork.Parse("192.168.0.0/16"), "private (RFC 1918)"),
        (IpNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IpNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IpNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IpNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IpNetwork.Parse("240.0.0.0/4"), "reserved or broadcast"),
        (IpNetwork.Parse("::/128"), "unspecified"),
        (IpNetwork.Parse("::1/128"), "loopback"),
        (IpNetwork.Parse("64:ff9b::/96"), "NAT64 (64:ff9b::/96)"),
        (IpNetwork.Parse("64:ff9b:1::/48"), "NAT64 local use"),
        (IpNetwork.Parse("100::/64"), "discard-only"),
        (IpNetwork.Parse("2001::/23"), "IETF protocol assignments (2001::/23)"),
        (IpNetwork.Parse("2001:db8::/32"), "documentation"),
        (IpNetwork.Parse("fc00::/7"), "unique-local (fc00::/7)"),
        (IpNetwork.Parse("fe80::/10"), "link-local"),
        (IpNetwork.Parse("fec0::/10"), "site-local"),
        (IpNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IpNetwork Compatible = IpNetwork.Parse("::/96");
    private static readonly IpNetwork SixToFour = IpNetwork.Parse("2002::/16");

    /// <summary>What kind of non-public address this is (e.g. "loopback"), or null for a public one.</summary>
    public static string? Kind(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Kind(address.MapToIPv4());
        }

        foreach (var (block, name) in Blocks)
        {
            if (block.Contains(address))
            {
                return name;
            }
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (Compatible.Contains(address))
        {
            return Embedded(bytes[12..16], "IPv4-compatible");
        }

        return SixToFour.Contains(address) ? Embedded(bytes[2..6], "6to4") : null;
    }

    private static string? Embedded(byte[] ipv4, string form) =>
        Kind(new IPAddress(ipv4)) is { } kind ? $"{form} form of a {kind} address" : null;
}
