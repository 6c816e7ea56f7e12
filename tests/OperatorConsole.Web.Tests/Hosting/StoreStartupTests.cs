using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Hosting;

/// <summary>A second console on the same data file refuses to start, with a message and no stack trace.</summary>
public sealed class StoreStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_SecondConsoleOnTheSameFile_ExitsWithCode2NamingTheFile()
    {
        var dataFile = Path.Combine(_folder, "console.db");
        using var first = await ChildConsole.StartAsync(dataFile, Path.Combine(_folder, "logs"));

        var (exitCode, output) = await ChildConsole.RunToExitAsync(dataFile, Path.Combine(_folder, "logs-2"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"Another process is using the data file {dataFile}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
