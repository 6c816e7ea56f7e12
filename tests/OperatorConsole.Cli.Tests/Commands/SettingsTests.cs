using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class SettingsTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("opsctl-config-");

    [Fact]
    public async Task Run_NoEnvironmentAndNoConfigFile_ExitsBadInputNamingBoth()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["switches", "list"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("OPSCTL_API_KEY", result.Error, StringComparison.Ordinal);
        Assert.Contains("config.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PrivateConfigFile_UsesItWithoutWarning()
    {
        var config = await WriteConfigAsync(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["ledger", "verify"], config);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigFileOthersCanRead_WarnsToChmod600()
    {
        var config = await WriteConfigAsync(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["ledger", "verify"], config);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("chmod 600", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RevokedOrUnknownKey_ExitsRefused()
    {
        var environment = CliRun.Environment(host.BaseAddress.ToString(), "oc_not-a-real-key");

        var result = await CliRun.RunAsync(environment, ["switches", "list"]);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.DoesNotContain("oc_not-a-real-key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NothingListening_ExitsUnreachable()
    {
        var environment = CliRun.Environment("http://127.0.0.1:9", "any");

        var result = await CliRun.RunAsync(environment, ["switches", "list"]);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<string> WriteConfigAsync(UnixFileMode mode)
    {
        var path = Path.Combine(_folder.FullName, "config.json");
        var key = await host.CreateApiKeyAsync(Role.Viewer);
        await File.WriteAllTextAsync(path, $$"""{"url": "{{host.BaseAddress}}", "apiKey": "{{key}}"}""");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }
}
