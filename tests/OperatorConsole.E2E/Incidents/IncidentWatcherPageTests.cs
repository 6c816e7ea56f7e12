using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

/// <summary>
/// Issue 14: an incident's page comes without a circuit, kept live over the console hub by js/incident-watch.js. Someone
/// who may change nothing on it (a Viewer) only ever gets that page; everyone who may act gets the interactive page, with
/// its controls, by asking for it, and gives its circuit back by going back to watching.
/// </summary>
public sealed class IncidentWatcherPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Live = "[data-incident-watch][data-live=ready]";

    [Fact]
    public async Task IncidentPage_Viewer_StaticWithEverySectionAndNoControls()
    {
        var id = await OpenIncidentAsync("Viewer reads every section");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer", timeZone: "Asia/Tokyo");

        await GotoWatchPageAsync(viewer, $"/incidents/{id}");

        await Assertions.Expect(viewer.GetByTestId("circuit-up")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("h1")).ToContainTextAsync("Viewer reads every section");
        await Assertions.Expect(viewer.GetByTestId("incident-status")).ToHaveTextAsync(nameof(IncidentStatus.Detected));
        foreach (var part in new[] { "people-panel", "obligations", "closure-panel", "post-incident-panel", "evidence-panel", "attachments", "timeline" })
        {
            await Assertions.Expect(viewer.GetByTestId(part)).ToBeVisibleAsync();
        }

        await Assertions.Expect(viewer.GetByTestId("timeline-entry")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("[data-action]")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("#main-content input:not([disabled]), #main-content textarea")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("#main-content button:not([disabled]):not([type=submit])")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.GetByTestId("dark-mode")).ToHaveCountAsync(0);
        // Local time, as on the interactive page: the script leaves the browser's zone for the server's render.
        await Assertions.Expect(viewer.GetByTestId("timestamp").First).Not.ToContainTextAsync("UTC");
    }

    [Fact]
    public async Task IncidentPage_OperatorAddsNoteInSecondBrowser_ViewerSeesItWithoutReload()
    {
        var id = await OpenIncidentAsync("Viewer watches live");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        var operatorPage = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await viewer.SetViewportSizeAsync(1280, 500);
        await GotoWatchPageAsync(viewer, $"/incidents/{id}");
        await viewer.EvaluateAsync("() => { window.sameDocument = true; window.scrollTo(0, 300); }");

        await BrowserFixture.GotoInteractiveAsync(operatorPage, $"/{IncidentLinks.Act(id)}");
        await operatorPage.GetByTestId("note-input").FillAsync("Stakeholders: rollback under way");
        await operatorPage.GetByTestId("add-note").ClickAsync();
        await operatorPage.GetByTestId("move-Acknowledged").ClickAsync();

        await Assertions.Expect(viewer.GetByTestId("timeline-page")).ToContainTextAsync("Stakeholders: rollback under way");
        await Assertions.Expect(viewer.GetByTestId("incident-status")).ToHaveTextAsync("Acknowledged");
        Assert.True(await viewer.EvaluateAsync<bool>("() => window.sameDocument === true"), "The viewer's page was reloaded.");
        Assert.Equal(300, await viewer.EvaluateAsync<int>("() => Math.round(window.scrollY)"));
        await Assertions.Expect(viewer.Locator(Live)).ToHaveCountAsync(1);
        await Assertions.Expect(viewer.GetByTestId("live-status")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task IncidentPage_LockdownEngagedAndReleasedElsewhere_ViewersBannerFollowsWithoutReload()
    {
        var id = await OpenIncidentAsync("Viewer sees lockdown");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await GotoWatchPageAsync(viewer, $"/incidents/{id}");
        await viewer.EvaluateAsync("() => { window.sameDocument = true; }");
        await Assertions.Expect(viewer.GetByTestId("lockdown-banner")).ToHaveCountAsync(0);
        var lockdown = fixture.Host.Service<LockdownService>();

        await lockdown.EngageAsync(Actor("oncall2"), "Watcher banner check");
        try
        {
            await Assertions.Expect(viewer.GetByTestId("lockdown-banner")).ToContainTextAsync("Watcher banner check");
        }
        finally
        {
            // Four-eyes by default: one on-call asks, another person who may release confirms.
            var request = await lockdown.RequestReleaseAsync(Actor("oncall2"), "Watcher banner check done");
            await (request.FourEyes
                ? lockdown.ConfirmReleaseRequestAsync(Actor("owner"), request.RequestId)
                : lockdown.ConfirmReleaseAsync(Actor("oncall2"), request.Token));
        }

        await Assertions.Expect(viewer.GetByTestId("lockdown-banner")).ToHaveCountAsync(0);
        Assert.True(await viewer.EvaluateAsync<bool>("() => window.sameDocument === true"), "The viewer's page was reloaded.");
    }

    [Fact]
    public async Task IncidentPage_Sev1OpenedAndDowngradedElsewhere_ViewersBannerFollowsWithoutReload()
    {
        var id = await OpenIncidentAsync("Viewer sees SEV-1 banners");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await GotoWatchPageAsync(viewer, $"/incidents/{id}");
        await viewer.EvaluateAsync("() => { window.sameDocument = true; }");
        var incidents = fixture.Host.Service<IncidentService>();

        var sev1 = (await incidents.OpenAsync(Actor("oncall"),
            new OpenIncident("Checkout down everywhere", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["evora"], null))).Id;
        try
        {
            await Assertions.Expect(viewer.Locator($"[data-sev1='{sev1}']")).ToContainTextAsync("Checkout down everywhere");
        }
        finally
        {
            await incidents.SetSeverityAsync(Actor("owner"), sev1, IncidentSeverity.Sev2, "Contained to one region");
        }

        await Assertions.Expect(viewer.Locator($"[data-sev1='{sev1}']")).ToHaveCountAsync(0);
        Assert.True(await viewer.EvaluateAsync<bool>("() => window.sameDocument === true"), "The viewer's page was reloaded.");
    }

    [Fact]
    public async Task IncidentPage_Viewer_TimelinePagesAndFiltersByLinksAndForm()
    {
        var id = await OpenIncidentAsync("Viewer pages the timeline");
        var incidents = fixture.Host.Service<IncidentService>();
        var oncall = Actor("oncall");
        for (var i = 1; i <= IncidentTimelineView.PageSize + 5; i++)
        {
            await incidents.AddNoteAsync(oncall, id, $"Note number {i}");
        }

        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await GotoWatchPageAsync(viewer, $"/incidents/{id}");
        await Assertions.Expect(viewer.GetByTestId("timeline-entry").First).ToContainTextAsync($"Note number {IncidentTimelineView.PageSize + 5}");
        await Assertions.Expect(viewer.GetByTestId("timeline-newer")).ToBeDisabledAsync();

        await viewer.GetByTestId("timeline-older").ClickAsync();
        await Assertions.Expect(viewer).ToHaveURLAsync(new Regex("[?&]before="));
        await Assertions.Expect(viewer.GetByTestId("timeline-entry").First).ToContainTextAsync("Note number 5");
        await Assertions.Expect(viewer.GetByTestId("timeline-page")).Not.ToContainTextAsync("Note number 6");

        await viewer.GetByTestId("timeline-newer").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("timeline-entry").First).ToContainTextAsync($"Note number {IncidentTimelineView.PageSize + 5}");
        await viewer.GetByTestId("timeline-older").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("timeline-entry").First).ToContainTextAsync("Note number 5");
        await viewer.GetByTestId("timeline-newest").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("timeline-entry").First).ToContainTextAsync($"Note number {IncidentTimelineView.PageSize + 5}");

        await viewer.GetByTestId("timeline-kind-select").SelectOptionAsync(TimelineKinds.Status);
        await viewer.GetByTestId("timeline-kind-apply").ClickAsync();
        await Assertions.Expect(viewer).ToHaveURLAsync(new Regex("[?&]kind=status"));
        await Assertions.Expect(viewer.GetByTestId("timeline-page")).Not.ToContainTextAsync("Note number");
        await Assertions.Expect(viewer.GetByTestId("timeline-entry")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator(Live)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task IncidentList_ViewerFollowsIncidentLink_ArrivesAtStaticPage()
    {
        var id = await OpenIncidentAsync("Viewer arrives from the list");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/incidents");

        await viewer.GetByTestId("incident-row-id").GetByText(id, new() { Exact = true }).ClickAsync();

        await Assertions.Expect(viewer).ToHaveURLAsync(new Regex($"/incidents/{id}$"));
        await viewer.Locator(Live).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(viewer.GetByTestId("circuit-up")).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.Locator("h1")).ToContainTextAsync("Viewer arrives from the list");
    }

    [Fact]
    public async Task IncidentList_OnCallFollowsLinkActsThenWatches_CircuitOnlyWhileActing()
    {
        var id = await OpenIncidentAsync("On-call acts, then watches");
        var oncall = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(oncall, "/incidents");

        await oncall.GetByTestId("incident-row-id").GetByText(id, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(oncall).ToHaveURLAsync(new Regex($"/incidents/{id}$"));
        await oncall.Locator(Live).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(oncall.GetByTestId("circuit-up")).ToHaveCountAsync(0);
        await Assertions.Expect(oncall.Locator("[data-action]")).ToHaveCountAsync(0);

        await oncall.GetByTestId("incident-act").ClickAsync();
        await oncall.GetByTestId("circuit-up").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(oncall).ToHaveURLAsync(new Regex($"/incidents/{id}\\?mode=act$"));
        await Assertions.Expect(oncall.Locator("[data-incident-watch]")).ToHaveCountAsync(0);
        await oncall.GetByTestId("note-input").FillAsync("Acted on, then left to watch");
        await oncall.GetByTestId("add-note").ClickAsync();
        await Assertions.Expect(oncall.GetByTestId("timeline-page")).ToContainTextAsync("Acted on, then left to watch");

        await oncall.GetByTestId("incident-watch-only").ClickAsync();
        await Assertions.Expect(oncall).ToHaveURLAsync(new Regex($"/incidents/{id}$"));
        await oncall.Locator(Live).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(oncall.GetByTestId("circuit-up")).ToHaveCountAsync(0);
        await Assertions.Expect(oncall.GetByTestId("timeline-page")).ToContainTextAsync("Acted on, then left to watch");
        await Assertions.Expect(oncall.GetByTestId("incident-act")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IncidentPage_ViewerOnPhone_AccessibleInLightAndDark(bool dark)
    {
        var id = await OpenIncidentAsync("Viewer on a phone");
        var users = fixture.Host.Service<UserService>();
        await users.SetDarkModeAsync(Actor("viewer"), dark);
        try
        {
            var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
            await viewer.SetViewportSizeAsync(390, 844);
            await GotoWatchPageAsync(viewer, $"/incidents/{id}");

            await Assertions.Expect(viewer.Locator("h1")).ToBeInViewportAsync();
            Assert.True(await viewer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
            await Axe.AssertNoSeriousViolationsAsync(viewer, $"static incident page ({(dark ? "dark" : "light")}, phone)");
            await BrowserFixture.ScreenshotAsync(viewer, $"incident-viewer-phone-{(dark ? "dark" : "light")}");

            // The drawer is hidden on a phone and nothing can toggle it without a circuit: the native menu holds its links.
            await viewer.GetByTestId("static-menu").Locator("summary").ClickAsync();
            var incidentsLink = viewer.GetByTestId("static-menu").GetByRole(AriaRole.Link, new() { Name = "Incidents", Exact = true });
            await Assertions.Expect(incidentsLink).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(viewer, $"static incident page, menu open ({(dark ? "dark" : "light")}, phone)");
            await BrowserFixture.ScreenshotAsync(viewer, $"incident-viewer-phone-menu-{(dark ? "dark" : "light")}");
            await viewer.GetByTestId("static-menu").Locator("summary").ClickAsync();

            await viewer.SetViewportSizeAsync(1440, 900);
            await Assertions.Expect(viewer.GetByTestId("static-menu")).ToBeHiddenAsync();
            await BrowserFixture.ScreenshotAsync(viewer, $"incident-viewer-{(dark ? "dark" : "light")}");
        }
        finally
        {
            await users.SetDarkModeAsync(Actor("viewer"), false);
        }
    }

    private Actor Actor(string user) => fixture.Host.Service<UserService>().Find(user)!.ToActor();

    private async Task<string> OpenIncidentAsync(string title) =>
        (await fixture.Host.Service<IncidentService>().OpenAsync(Actor("oncall"),
            new OpenIncident(title, IncidentClass.BadPublish, IncidentSeverity.Sev2, ["evora"], "Resolver health"))).Id;

    private static async Task GotoWatchPageAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator(Live).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
