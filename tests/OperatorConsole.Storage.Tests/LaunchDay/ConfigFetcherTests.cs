using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay.Config;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

public sealed class ConfigFetcherTests : IDisposable
{
    private const string Yaml = "api:\n  endpoint: https://api.binkindly.example/v2\n";
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Fetch_LoopbackOnTheAllowList_ReturnsTheTextAndFormatFromTheExtension()
    {
        using var server = new LoopbackHttpServer(_ => (200, Yaml), "text/plain");
        await _store.Outbound.AllowAsync(TestActors.Admin, server.Address.Host, "test config server");

        var (text, format) = await _store.ConfigFetcher.FetchAsync(new Uri(server.Address, "/prod/config.yaml").ToString(), CancellationToken.None);

        Assert.Equal((Yaml, "yaml"), (text, format));
        Assert.Equal("https://api.binkindly.example/v2", ConfigSnapshotParser.Parse(text, format).Values["api.endpoint"]);
    }

    [Fact]
    public async Task Fetch_JsonContentType_TakesTheFormatFromIt()
    {
        using var server = new LoopbackHttpServer(_ => (200, "{\"a\":1}"));
        await _store.Outbound.AllowAsync(TestActors.Admin, server.Address.Host, "test config server");

        var (_, format) = await _store.ConfigFetcher.FetchAsync(new Uri(server.Address, "/prod/config").ToString(), CancellationToken.None);

        Assert.Equal("json", format);
    }

    [Fact]
    public async Task Fetch_LoopbackNotOnTheAllowList_RefusedByThePolicyBeforeAnyRequest()
    {
        using var server = new LoopbackHttpServer(_ => (200, Yaml));

        var ex = await Assert.ThrowsAsync<ConfigFetchException>(() => _store.ConfigFetcher.FetchAsync(new Uri(server.Address, "/config.yaml").ToString(), CancellationToken.None));

        Assert.Contains("refused by the outbound policy", ex.Message, StringComparison.Ordinal);
        Assert.False(server.FirstRequest.IsCompleted);
    }

    [Fact]
    public async Task Fetch_ServerAnswers503_RefusedSayingSo()
    {
        using var server = new LoopbackHttpServer(_ => (503, "{}"));
        await _store.Outbound.AllowAsync(TestActors.Admin, server.Address.Host, "test config server");

        var ex = await Assert.ThrowsAsync<ConfigFetchException>(() => _store.ConfigFetcher.FetchAsync(new Uri(server.Address, "/config.yaml").ToString(), CancellationToken.None));

        Assert.Contains("answered 503", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("config.yaml")]
    [InlineData("ftp://config.example/config.yaml")]
    public async Task Fetch_NoAbsoluteHttpUrl_RefusedNamingTheFetchUrlField(string url)
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => _store.ConfigFetcher.FetchAsync(url, CancellationToken.None));

        Assert.Equal([ConfigFetcher.Field], ex.Errors.Keys);
    }
}
