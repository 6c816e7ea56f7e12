using System.Net;
using OperatorConsole.Core.Outbound;

namespace OperatorConsole.Core.Tests.Outbound;

public sealed class NonPublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.0.0.2", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.100.100.200", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00:ec2::254", "unique-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("64:ff9b::a9fe:a9fe", "NAT64")]
    [InlineData("64:ff9b::808:808", "NAT64")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:100.100.100.200", "carrier-grade NAT")]
    [InlineData("::127.0.0.1", "IPv4-compatible form of a loopback")]
    [InlineData("::169.254.169.254", "IPv4-compatible form of a link-local")]
    [InlineData("2002:a9fe:a9fe::1", "6to4 form of a link-local")]
    [InlineData("2002:7f00:1::", "6to4 form of a loopback")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("0.1.2.3", "this network")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("fec0::1", "site-local")]
    public void Kind_NonPublicAddress_NamesWhatItIs(string address, string kind) =>
        Assert.Contains(kind, NonPublicAddresses.Kind(IPAddress.Parse(address)), StringComparison.Ordinal);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:808:808::1")]
    public void Kind_PublicAddress_Null(string address) =>
        Assert.Null(NonPublicAddresses.Kind(IPAddress.Parse(address)));
}
