using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Core.Outbound;

/// <summary>An address block such as 10.0.0.0/8 or fd00::/8; a bare address is its own /32 or /128.</summary>
public readonly record struct IpNetwork(IPAddress Network, int PrefixLength)
{
    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Network.AddressFamily)
        {
            return false;
        }

        var want = Network.GetAddressBytes();
        var have = address.GetAddressBytes();
        var bits = PrefixLength;
        for (var i = 0; i < want.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((want[i] & mask) != (have[i] & mask))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{Network}/{PrefixLength}";

    public static IpNetwork Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"'{text}' is not an address block.");

    /// <summary>Accepts "a.b.c.d/n", "x::y/n" or a bare address; the network part is normalised to the block's start.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IpNetwork network)
    {
        network = default;
        var parts = (text ?? string.Empty).Trim().Split('/');
        if (parts.Length > 2 || parts[0].Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(parts[0], out var address))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = max;
        if (parts.Length == 2 && (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out prefix) || prefix > max))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        network = new IpNetwork(new IPAddress(bytes), prefix);
        return true;
    }
}
