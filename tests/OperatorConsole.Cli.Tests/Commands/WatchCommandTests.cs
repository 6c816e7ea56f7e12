using System.Text.Json;
using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class WatchCommandTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Watch_KillSwitchFlipped_WritesTheEventAsOneJsonLine()
    {
        var key = $"watch-{Guid.NewGuid():N}"[..20];
        var switches = host.Service<KillSwitchService>();
        await switches.CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Watched switch", false));
        var environment = await new CliRun(host).EnvironmentAsync(Role.Viewer);
        var subscribed = new SignalingWriter("Watching");

        var watching = CliRun.RunAsync(environment, ["watch", "kill-switches", "--count", "1"], error: subscribed);
        await subscribed.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        await switches.FlipAsync(Actor.System, key, null, on: true, reason: "watched flip");
        var result = await watching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var liveEvent = JsonDocument.Parse(line).RootElement;
        Assert.Equal("kill-switches", liveEvent.GetProperty("topic").GetString());
        Assert.Contains(key, liveEvent.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_UnknownTopic_ExitsBadInput()
    {
        var result = await new CliRun(host).Async("watch", "no-such-topic");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("Unknown topic", result.Error, StringComparison.Ordinal);
    }

    /// <summary>stderr that tells the test when opsctl wrote a line containing a marker.</summary>
    private sealed class SignalingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteLineAsync(string? value)
        {
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }

            return base.WriteLineAsync(value);
        }
    }
}
