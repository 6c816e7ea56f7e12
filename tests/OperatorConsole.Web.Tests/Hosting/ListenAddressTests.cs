using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using OperatorConsole.Web.Hosting;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Fact]
    public void UseDefaultListenAddress_NothingConfigured_LoopbackPort5080()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration[WebHostDefaults.ServerUrlsKey] = null;
        builder.Configuration[WebHostDefaults.HttpPortsKey] = null;

        builder.UseDefaultListenAddress();

        Assert.Equal("http://127.0.0.1:5080", builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:6001", "http://127.0.0.1:6001")]
    [InlineData("--Urls=http://0.0.0.0:6002", "http://0.0.0.0:6002")]
    [InlineData("--http_ports=6003", null)]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://127.0.0.1:6004", null)]
    public void UseDefaultListenAddress_AddressConfigured_LeavesIt(string arg, string? expectedUrls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [arg], EnvironmentName = "Testing" });

        builder.UseDefaultListenAddress();

        Assert.Equal(expectedUrls, builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public async Task Start_AspNetCoreUrlsSet_ListensThere()
    {
        var address = $"http://127.0.0.1:{Loopback.UnusedPort()}";
        using var folder = new TempFolder();
        await using var console = ChildConsole.Start(folder.ConsoleSettings(), new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address });

        Assert.Equal(address, await console.ListeningAsync());
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
    }

    [Fact]
    public async Task Start_UrlsArgument_ListensThere()
    {
        var address = $"http://127.0.0.1:{Loopback.UnusedPort()}";
        using var folder = new TempFolder();
        await using var console = ChildConsole.Start([.. folder.ConsoleSettings(), "--urls", address]);

        Assert.Equal(address, await console.ListeningAsync());
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("operator-console-urls-").FullName;

        public string[] ConsoleSettings() =>
            [$"--Storage:DataFile={Path.Combine(_path, "console.db")}", $"--Logs:Folder={Path.Combine(_path, "logs")}"];

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
