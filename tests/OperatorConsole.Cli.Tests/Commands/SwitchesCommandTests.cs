using System.Text.Json;
using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class SwitchesCommandTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private readonly CliRun _cli = new(host);

    [Fact]
    public async Task List_JsonOutput_PrintsSeededSwitches()
    {
        var result = await _cli.AsAsync(Role.Viewer, "switches", "list", "--output", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var keys = JsonDocument.Parse(result.Out).RootElement.GetProperty("switches").EnumerateArray().Select(s => s.GetProperty("key").GetString());
        Assert.Contains("ai-kill-switch", keys);
    }

    [Fact]
    public async Task Flip_WithoutOnOrOff_TogglesTheSwitch()
    {
        var key = await CreateAsync();

        var result = await _cli.AsAsync(Role.OnCall, "switches", "flip", key, "--reason", "opsctl test");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.True(host.Service<KillSwitchService>().Get(key)!.On);
        Assert.Contains($"{key}@global\tON", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flip_ViewerKey_ExitsRefusedAndChangesNothing()
    {
        var key = await CreateAsync();

        var result = await _cli.AsAsync(Role.Viewer, "switches", "flip", key, "--on", "--reason", "not allowed");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.False(host.Service<KillSwitchService>().Get(key)!.On);
    }

    [Fact]
    public async Task Flip_UnknownSwitch_ExitsNotFound()
    {
        var result = await _cli.AsAsync(Role.OnCall, "switches", "flip", "no-such-switch", "--on", "--reason", "typo");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }

    [Fact]
    public async Task Flip_WithoutReason_ExitsBadInputBeforeCallingTheConsole()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["switches", "flip", "ai-kill-switch", "--on"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--reason", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> CreateAsync()
    {
        var key = $"cli-{Guid.NewGuid():N}"[..20];
        await host.Service<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "CLI test switch", false));
        return key;
    }
}
