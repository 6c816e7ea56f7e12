using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

/// <summary>
/// Issue 14: an incident's page with its controls left idle goes back to the watch page and gives its circuit back,
/// unless something is typed in it. A console of its own, whose pages go back after 5 s instead of 15 minutes.
/// </summary>
public sealed class ActPageIdleTests : IAsyncLifetime
{
    // The idle time, a check each second and the watch page's load, on a loaded machine.
    private static readonly PageAssertionsToHaveURLOptions Patience = new() { Timeout = 30_000 };

    private readonly ConsoleHost _host = ConsoleHost.WithSettings(("Incidents:ActPageIdle", "00:00:05"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ActPage_IdleWithNothingTyped_GoesBackToWatchingWithoutACircuit()
    {
        var id = await OpenIncidentAsync("Left open after acting");
        var page = await BrowserFixture.SignedInPageAsync(_browser!, _host.BaseAddress, "oncall", "demo-oncall");

        await page.GotoAsync($"/{IncidentLinks.Act(id)}");
        await page.GetByTestId("circuit-up").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/incidents/{id}$"), Patience);
        await page.Locator("[data-incident-watch][data-live=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("circuit-up")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("incident-act")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ActPage_IdleWithANoteTyped_StaysUntilTheNoteIsCleared()
    {
        var id = await OpenIncidentAsync("Note half written");
        var page = await BrowserFixture.SignedInPageAsync(_browser!, _host.BaseAddress, "oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, $"/{IncidentLinks.Act(id)}");

        await page.GetByTestId("note-input").FillAsync("Still writing this");

        await page.Locator("[data-testid=incident-watch-only][data-idle-held=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/incidents/{id}\\?mode=act$"));
        await Assertions.Expect(page.GetByTestId("note-input")).ToHaveValueAsync("Still writing this");

        await page.GetByTestId("note-input").FillAsync(string.Empty);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/incidents/{id}$"), Patience);
        await Assertions.Expect(page.GetByTestId("incident-act")).ToBeVisibleAsync();
    }

    private async Task<string> OpenIncidentAsync(string title) =>
        (await _host.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident(title, IncidentClass.BadPublish, IncidentSeverity.Sev2, ["evora"], "Resolver health"))).Id;
}
