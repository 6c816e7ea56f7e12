using System.Net;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Outbound;

/// <summary>The policy over the stored allow-list. Every address here is judged, never connected to.</summary>
public sealed class OutboundPolicyTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("metadata.internal", "169.254.169.254", "link-local")]
    [InlineData("alibaba-metadata", "100.100.100.200", "carrier-grade NAT")]
    [InlineData("aws-metadata-v6", "fd00:ec2::254", "unique-local")]
    [InlineData("nat64", "64:ff9b::a9fe:a9fe", "NAT64")]
    [InlineData("mapped", "::ffff:192.168.0.1", "private")]
    public void Refusal_NonPublicAddressNotAllowed_NamesTheKind(string host, string address, string kind) =>
        Assert.Contains(kind, _store.OutboundPolicy.Refusal(host, 80, IPAddress.Parse(address)), StringComparison.Ordinal);

    [Fact]
    public void Refusal_PublicAddress_Null() =>
        Assert.Null(_store.OutboundPolicy.Refusal("example.org", 443, IPAddress.Parse("93.184.215.14")));

    [Fact]
    public void Refusal_LoopbackOnTheConsolesOwnPort_Null() =>
        Assert.Null(_store.OutboundPolicy.Refusal("localhost", _store.Self.Address.Port, IPAddress.Loopback));

    [Fact]
    public void Refusal_LoopbackOnAnotherPort_Refused() =>
        Assert.NotNull(_store.OutboundPolicy.Refusal("localhost", _store.Self.Address.Port + 1, IPAddress.Loopback));

    [Fact]
    public async Task Refusal_AfterAdminAllowsTheBlock_Null()
    {
        await _store.Outbound.AllowAsync(TestActors.Admin, "fd00:ec2::/32", "VPC resolver");

        Assert.Null(_store.OutboundPolicy.Refusal("resolver", 53, IPAddress.Parse("fd00:ec2::254")));
    }

    [Fact]
    public async Task Refusal_AfterAdminAllowsTheName_NullForThatNameOnly()
    {
        await _store.Outbound.AllowAsync(TestActors.Admin, "grafana.internal", null);

        Assert.Null(_store.OutboundPolicy.Refusal("grafana.internal", 443, IPAddress.Parse("10.1.2.3")));
        Assert.NotNull(_store.OutboundPolicy.Refusal("other.internal", 443, IPAddress.Parse("10.1.2.3")));
    }

    [Fact]
    public async Task BodyRefusal_AddressNotOnTheList_Refused() =>
        Assert.Contains("allow-list", await _store.OutboundPolicy.BodyRefusalAsync(new Uri("http://192.0.2.10/hook"), CancellationToken.None), StringComparison.Ordinal);

    [Fact]
    public async Task BodyRefusal_AddressOnTheList_Null()
    {
        await _store.Outbound.AllowAsync(TestActors.Admin, "192.0.2.0/24", null);

        Assert.Null(await _store.OutboundPolicy.BodyRefusalAsync(new Uri("http://192.0.2.10/hook"), CancellationToken.None));
    }

    [Fact]
    public async Task BodyRefusal_TheConsoleItself_Null() =>
        Assert.Null(await _store.OutboundPolicy.BodyRefusalAsync(new Uri(_store.Self.Address, "/demo/hook"), CancellationToken.None));
}
