using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.ScaleOut;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Tests.ScaleOut;

/// <summary>
/// Two real console hosts joined by a real redis-server: what one instance commits reaches the other's components and
/// hub clients once, and a key ring written by one is read by the other. (Each host keeps its own LiteDB file here; the
/// shared PostgreSQL store is tested on its own.)
/// </summary>
public sealed class RedisScaleOutTests : IClassFixture<RedisServer>, IDisposable
{
    private const string FlippedKind = "kill-switch.flipped";
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);

    private readonly ConsoleHost _a;
    private readonly ConsoleHost _b;

    public RedisScaleOutTests(RedisServer redis)
    {
        // Each test on its own channels, so one test's events never reach another's hosts.
        var prefix = $"test-{Guid.NewGuid():N}";
        _a = ConsoleHost.WithSettings(("ConnectionStrings:Redis", redis.ConnectionString), (ScaleOutSetup.ChannelPrefixSetting, prefix));
        _b = ConsoleHost.WithSettings(("ConnectionStrings:Redis", redis.ConnectionString), (ScaleOutSetup.ChannelPrefixSetting, prefix));
    }

    [Fact]
    public async Task FlipOnA_ComponentsOnB_SeeTheChange()
    {
        var key = OffSwitch(_a);
        using var onB = _b.Service<ILiveEventSource>().Subscribe(Topics.KillSwitches);

        await _a.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, true, "contain the bad pack");

        var seen = await onB.Reader.ReadAsync().AsTask().WaitAsync(EventTimeout);
        Assert.Equal($"{key}@global", seen.Subject);
        Assert.Equal(FlippedKind, seen.Kind);
        Assert.Contains("contain the bad pack", seen.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlipOnA_HubClientsOnBothInstances_ReceiveItExactlyOnce()
    {
        var key = OffSwitch(_a);
        await using var hubA = await _a.ConnectHubAsync(await _a.CreateApiKeyAsync(Role.Viewer));
        await using var hubB = await _b.ConnectHubAsync(await _b.CreateApiKeyAsync(Role.Viewer));
        var onA = Received(hubA);
        var onB = Received(hubB);
        await hubA.InvokeAsync(nameof(ConsoleHub.Subscribe), Topics.KillSwitches);
        await hubB.InvokeAsync(nameof(ConsoleHub.Subscribe), Topics.KillSwitches);

        await _a.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, true, "first");
        await _a.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, false, "second");

        foreach (var received in new[] { onA, onB })
        {
            var first = await received.Reader.ReadAsync().AsTask().WaitAsync(EventTimeout);
            var second = await received.Reader.ReadAsync().AsTask().WaitAsync(EventTimeout);
            Assert.Contains("first", first.Summary, StringComparison.Ordinal);
            Assert.Contains("second", second.Summary, StringComparison.Ordinal);
        }

        // A third event marks the end of the stream: anything delivered twice would arrive before it.
        await _a.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, true, "third");
        foreach (var received in new[] { onA, onB })
        {
            var next = await received.Reader.ReadAsync().AsTask().WaitAsync(EventTimeout);
            Assert.Contains("third", next.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ProtectedOnA_UnprotectedOnB_SharesTheKeyRing()
    {
        var secret = _a.Service<IDataProtectionProvider>().CreateProtector("scale-out-test").Protect("sign-in ticket");

        var read = _b.Service<IDataProtectionProvider>().CreateProtector("scale-out-test").Unprotect(secret);

        Assert.Equal("sign-in ticket", read);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static string OffSwitch(ConsoleHost host) =>
        host.Service<KillSwitchService>().List().First(s => !s.On && s.Scope == KillSwitch.GlobalScope).Key;

    private static Channel<LiveEvent> Received(HubConnection hub)
    {
        var received = Channel.CreateUnbounded<LiveEvent>();
        hub.On<LiveEvent>(ConsoleHub.EventMethod, e =>
        {
            if (e.Kind == FlippedKind)
            {
                received.Writer.TryWrite(e);
            }
        });
        return received;
    }
}
