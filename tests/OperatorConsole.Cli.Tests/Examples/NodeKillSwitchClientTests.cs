using System.Diagnostics;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Examples;

/// <summary>examples/node-killswitch-client under Node, with @microsoft/signalr's accessTokenFactory and an API key.</summary>
public sealed class NodeKillSwitchClientTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Client_SwitchFlipped_PrintsTheNewState()
    {
        var key = $"node-{Guid.NewGuid():N}"[..20];
        var switches = host.Service<KillSwitchService>();
        await switches.CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Followed from Node", false));
        using var client = await StartClientAsync(await host.CreateApiKeyAsync(Role.Viewer));

        await client.WaitForLineAsync("following kill switches from version");
        await switches.FlipAsync(Actor.System, key, null, on: true, reason: "node example test");

        await client.WaitForLineAsync($"{key}@global is ON");
    }

    [Fact]
    public async Task Client_UnknownKey_ExitsWithStatusOne()
    {
        using var client = await StartClientAsync("oc_not-a-real-key");

        var exitCode = await client.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("401", client.Errors, StringComparison.Ordinal);
    }

    private async Task<NodeProcess> StartClientAsync(string apiKey)
    {
        var folder = await NodeProcess.InstallAsync(Path.Combine(RepositoryFiles.Root(), "examples", "node-killswitch-client"));
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("client.js");
        start.Environment["CONSOLE_URL"] = host.BaseAddress.ToString();
        start.Environment["CONSOLE_API_KEY"] = apiKey;
        return new NodeProcess(Process.Start(start)!, Patience);
    }
}
