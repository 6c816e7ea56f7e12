using System.Net.Http.Json;
using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;
using OperatorConsole.Testing.PostgreSql;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.ScaleOut;

/// <summary>
/// The scale-out set-up as operators run it: two console processes on one PostgreSQL and one Redis behind the
/// sticky-session proxy process, and Chromium on an incident page through the proxy. When the instance serving that
/// browser is SIGKILLed, the page comes back on the other instance, still signed in, and shows changes live again.
/// </summary>
public sealed class FailoverReconnectTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string User = "responder";
    private const string Password = "correct-horse-battery";
    private const string InstanceHeader = "x-console-instance";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task KillHard_InstanceServingTheBrowser_PageComesBackOnTheOtherSignedInAndLive()
    {
        await using var consoles = new ScaledOutConsoles(redis);
        var instances = new Dictionary<string, ChildConsole> { ["a"] = await consoles.StartAsync(), ["b"] = await consoles.StartAsync() };
        var key = await consoles.CreateApiKeyAsync(User, "OnCall", Password);
        await using var proxy = await ChildConsole.StartAsync(BuiltProgram.Path("src/OperatorConsole.Proxy", "OperatorConsole.Proxy"), new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__consoles__Destinations__a__Address"] = instances["a"].BaseAddress.ToString(),
            ["ReverseProxy__Clusters__consoles__Destinations__b__Address"] = instances["b"].BaseAddress.ToString(),
        });
        var incident = await OpenIncidentAsync(instances["a"], key, "Resolver down in porto");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
        var page = await BrowserFixture.SignedInPageAsync(browser, proxy.BaseAddress, User, Password);

        var first = await page.GotoAsync($"/{IncidentLinks.Act(incident)}");
        await page.WaitForSelectorAsync("[data-testid=circuit-up]", new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        var serving = first!.Headers[InstanceHeader];
        var survivor = instances.Single(i => i.Key != serving);

        var cameBack = page.WaitForResponseAsync(
            r => r.Url.EndsWith(IncidentLinks.Act(incident), StringComparison.Ordinal) && r.Headers.GetValueOrDefault(InstanceHeader) == survivor.Key,
            new() { Timeout = (float)Patience.TotalMilliseconds });
        instances[serving].KillHard();
        await cameBack;

        await page.WaitForSelectorAsync("[data-testid=circuit-up]", new() { State = WaitForSelectorState.Attached });
        Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("Resolver down in porto").First).ToBeVisibleAsync();
        await AddNoteAsync(survivor.Value, key, incident, "Failed over to the other instance");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Failed over to the other instance");
        await BrowserFixture.ScreenshotAsync(page, "scale-out-failover");
    }

    private static async Task<string> OpenIncidentAsync(ChildConsole console, string key, string title)
    {
        using var client = ApiClient(console, key);
        using var response = await client.PostAsJsonAsync(
            "/api/incidents", new OpenIncident(title, IncidentClass.SourceOutage, IncidentSeverity.Sev2, [], null), ConsoleHost.ApiJson);
        response.EnsureSuccessStatusCode();
        return (await ConsoleHost.ReadAsync<Incident>(response)).Id;
    }

    private static async Task AddNoteAsync(ChildConsole console, string key, string incident, string text)
    {
        using var client = ApiClient(console, key);
        using var response = await client.PostAsJsonAsync($"/api/incidents/{incident}/notes", new { Text = text });
        response.EnsureSuccessStatusCode();
    }

    private static HttpClient ApiClient(ChildConsole console, string key)
    {
        var client = new HttpClient { BaseAddress = console.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
