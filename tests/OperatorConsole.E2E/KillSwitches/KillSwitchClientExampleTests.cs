using System.Diagnostics;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.KillSwitches;

/// <summary>Runs examples/KillSwitchClient against a test console: it prints the state, then a flip made meanwhile.</summary>
public sealed class KillSwitchClientExampleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ExampleClient_PrintsTheStateThenAFlip()
    {
        var key = await fixture.Host.CreateApiKeyAsync(Role.Viewer);
        var start = new ProcessStartInfo("dotnet", [BuiltProgram.Path("examples/KillSwitchClient", "KillSwitchClient")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CONSOLE_URL"] = fixture.Host.BaseAddress.ToString(), ["CONSOLE_API_KEY"] = key },
        };
        using var client = Process.Start(start)!;
        try
        {
            await ReadUntilAsync(client, "following changes");

            var oncall = fixture.Host.Service<UserService>().Find("oncall")!.ToActor();
            await fixture.Host.Service<KillSwitchService>().FlipAsync(oncall, "publish-pipeline-freeze", null, on: true, "freeze for the example client test");

            var line = await ReadUntilAsync(client, "publish-pipeline-freeze@global is ON");
            Assert.Contains("freeze for the example client test", line, StringComparison.Ordinal);
        }
        finally
        {
            client.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> ReadUntilAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The example client exited before printing '{text}': {await process.StandardError.ReadToEndAsync()}");
    }
}
