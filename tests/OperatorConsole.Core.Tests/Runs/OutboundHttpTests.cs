using System.Net;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Tests.Runs;

public sealed class OutboundHttpTests
{
    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.0.1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("203.0.113.7", false)]
    public void IsRefused_OnlyLinkLocalAddresses(string address, bool refused) =>
        Assert.Equal(refused, OutboundHttp.IsRefused(IPAddress.Parse(address)));
}
