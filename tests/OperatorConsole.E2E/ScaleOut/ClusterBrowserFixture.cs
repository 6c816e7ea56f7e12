using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;
using OperatorConsole.Testing.ScaleOut;

namespace OperatorConsole.E2E.ScaleOut;

/// <summary>Two console instances on one PostgreSQL and one Redis (see <see cref="ConsoleCluster"/>) and one Chromium.</summary>
public sealed class ClusterBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ConsoleCluster Cluster { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh context on <paramref name="host"/>'s own address, as a sticky load balancer keeps a browser on one instance.</summary>
    public Task<IPage> SignedInPageAsync(ConsoleHost host, string user, string password) =>
        BrowserFixture.SignedInPageAsync(Browser, host.BaseAddress, user, password);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Cluster.Dispose();
    }
}
