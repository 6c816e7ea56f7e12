using System.Net;
using OperatorConsole.Core.Outbound;

namespace OperatorConsole.Core.Tests.Outbound;

public sealed class OutboundAllowListTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("10.20.0.0/16", "any.host", "10.20.3.4", true)]
    [InlineData("10.20.0.0/16", "any.host", "10.21.0.1", false)]
    [InlineData("10.20.0.0/16", "any.host", "::ffff:10.20.3.4", true)]
    [InlineData("127.0.0.2/32", "127.0.0.2", "127.0.0.2", true)]
    [InlineData("127.0.0.2/32", "localhost", "127.0.0.1", false)]
    [InlineData("fd00:ec2::/32", "x", "fd00:ec2::254", true)]
    [InlineData("fd00:ec2::/32", "x", "fd00:ec3::254", false)]
    [InlineData("grafana.internal", "GRAFANA.internal.", "10.9.9.9", true)]
    [InlineData("grafana.internal", "evil.grafana.internal", "10.9.9.9", false)]
    public void Allows_RuleAgainstHostAndAddress(string target, string host, string address, bool allowed)
    {
        var list = new OutboundAllowList([new OutboundRule(target, null, "admin", At)]);

        Assert.Equal(allowed, list.Allows(host, IPAddress.Parse(address)));
    }

    [Fact]
    public void Allows_EmptyList_NothingNonPublic() =>
        Assert.False(OutboundAllowList.Empty.Allows("localhost", IPAddress.Loopback));

    [Theory]
    [InlineData("10.20.3.4/16", "10.20.0.0/16")]
    [InlineData("fd00:ec2::254/32", "fd00:ec2::/32")]
    [InlineData("127.0.0.2", "127.0.0.2/32")]
    [InlineData("172.16.0.0/12", "172.16.0.0/12")]
    public void TryParse_AddressBlock_NormalisedToItsStart(string text, string expected)
    {
        Assert.True(IpNetwork.TryParse(text, out var network));
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("grafana.internal")]
    [InlineData("")]
    public void TryParse_NotAnAddressBlock_False(string text) =>
        Assert.False(IpNetwork.TryParse(text, out _));
}
