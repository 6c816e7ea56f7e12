using System.Net;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Outbound;

/// <summary>One destination an Admin opened: an address block ("10.20.0.0/16", "fd00:ec2::254") or a host name.</summary>
public sealed record OutboundRule(string Target, string? Note, string AddedBy, DateTimeOffset AddedAt)
{
    public bool IsNetwork => IpNetwork.TryParse(Target, out _);

    public bool Matches(string host, IPAddress address) =>
        IpNetwork.TryParse(Target, out var network)
            ? network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            : string.Equals(Target, host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The non-public destinations the console may reach; empty means only public addresses and itself.</summary>
public sealed record OutboundAllowList(IReadOnlyList<OutboundRule> Rules)
{
    public static readonly OutboundAllowList Empty = new([]);

    public OutboundRule? Find(string target) => Rules.FirstOrDefault(r => string.Equals(r.Target, target, StringComparison.OrdinalIgnoreCase));

    public bool Allows(string host, IPAddress address) => Rules.Any(r => r.Matches(host, address));
}

public interface IOutboundRepository
{
    OutboundAllowList AllowList();

    void Save(OutboundAllowList allowList);
}

/// <summary>The ledger actions of the outbound allow-list.</summary>
public sealed class OutboundActions : IActionRules
{
    public const string Read = "outbound.read";
    public const string Allow = "outbound.allow";
    public const string Remove = "outbound.remove";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Read, Role.Admin, "read the outbound allow-list"),
        ActionRule.Only(Allow, Role.Admin, "allow outbound addresses", lockdownGated: true),
        ActionRule.Only(Remove, Role.Admin, "remove outbound addresses", lockdownGated: true),
    ];
}
