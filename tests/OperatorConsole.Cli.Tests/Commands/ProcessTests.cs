using System.Diagnostics;
using System.Text.Json;
using OperatorConsole.Cli.Common;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

/// <summary>The built program itself, as a script runs it: environment in, JSON on stdout, exit status out.</summary>
public sealed class ProcessTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task BuiltProgram_SwitchesListAsJson_ExitsOkWithTheSwitches()
    {
        var (exitCode, output, _) = await RunAsync(await host.CreateApiKeyAsync(Role.Viewer), "switches", "list", "--output", "json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.NotEmpty(JsonDocument.Parse(output).RootElement.GetProperty("switches").EnumerateArray());
    }

    [Fact]
    public async Task BuiltProgram_UnknownIncident_ExitsNotFoundWithMessageOnStderr()
    {
        var (exitCode, output, error) = await RunAsync(await host.CreateApiKeyAsync(Role.OnCall), "incidents", "note", "INC-none", "hello");

        Assert.Equal(ExitCodes.NotFound, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("opsctl: 404", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string apiKey, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "opsctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Cli.CliContext.UrlVariable] = host.BaseAddress.ToString();
        start.Environment[Cli.CliContext.ApiKeyVariable] = apiKey;
        start.Environment[Cli.CliContext.ConfigVariable] = Path.Combine(Path.GetTempPath(), "opsctl-no-config", "config.json");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
