using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Incidents;

/// <summary>The incident list's search, sort and filters live in the address, so a link opens the same view.</summary>
public sealed class IncidentListViewTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly Actor Omar = new("oncall", "Omar On-call", Role.OnCall);

    // The address is checked by polling it, not with WaitForURLAsync: that one reads the current address and only then
    // listens for the next navigation, so an in-page address change that lands between the two is never seen. A sort
    // click's address change arrives just as the click returns, right in that gap, and under load the wait timed out.
    private static Regex Address(string part) => new(Regex.Escape(part));

    [Fact]
    public async Task SearchSortFilter_EachInTheAddress_AndTheAddressReopensTheSameView()
    {
        var incidents = fixture.Host.Service<IncidentService>();
        var alpha = await incidents.OpenAsync(Actor.System, new("zeta-view Alpha", IncidentClass.Other, IncidentSeverity.Sev3, ["lagos"], null));
        await incidents.OpenAsync(Actor.System, new("zeta-view Bravo", IncidentClass.Other, IncidentSeverity.Sev1, ["lagos"], null));
        await incidents.OpenAsync(Actor.System, new("zeta-view Charlie", IncidentClass.Other, IncidentSeverity.Sev2, ["evora"], null));
        await incidents.MoveAsync(Omar, alpha.Id, IncidentStatus.Acknowledged);
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/incidents");
        var titles = page.GetByTestId("incident-row-title");

        await page.GetByTestId("incident-search").FillAsync("zeta-view");
        await Assertions.Expect(page).ToHaveURLAsync(Address("q=zeta-view"));
        await Assertions.Expect(titles).ToHaveCountAsync(3);

        await page.GetByTestId("sort-severity").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("sort=Severity"));
        await Assertions.Expect(titles).ToHaveTextAsync(["zeta-view Bravo", "zeta-view Charlie", "zeta-view Alpha"]);

        await page.GetByTestId("sort-severity").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("dir=desc"));
        await Assertions.Expect(titles).ToHaveTextAsync(["zeta-view Alpha", "zeta-view Charlie", "zeta-view Bravo"]);

        // A scope is searched too; then "assigned to me" keeps only what Omar owns.
        await page.GetByTestId("incident-search").FillAsync("lagos");
        await Assertions.Expect(page).ToHaveURLAsync(Address("q=lagos"));
        await Assertions.Expect(titles).ToHaveTextAsync(["zeta-view Alpha", "zeta-view Bravo"]);
        await page.GetByTestId("incident-filters").GetByText("Assigned to me").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("mine=true"));
        await Assertions.Expect(titles).ToHaveTextAsync(["zeta-view Alpha"]);
        await Assertions.Expect(page.GetByTestId("incident-row-owner")).ToHaveTextAsync("Omar On-call");

        // The address alone, in another person's browser, shows the same rows.
        var shared = new Uri(page.Url).PathAndQuery.Replace("mine=true", "severity=Sev1", StringComparison.Ordinal);
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(viewer, shared);
        await Assertions.Expect(viewer.GetByTestId("incident-row-title")).ToHaveTextAsync(["zeta-view Bravo"]);
        await Assertions.Expect(viewer.GetByTestId("incident-search")).ToHaveValueAsync("lagos");
    }

    [Fact]
    public async Task Phone_Width_RowsAreLabelledCardsWithTheIdOnOneLine()
    {
        await fixture.Host.Service<IncidentService>().OpenAsync(Actor.System, new("zeta-phone card", IncidentClass.Other, IncidentSeverity.Sev2, ["porto"], null));
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await page.SetViewportSizeAsync(390, 844);

        await BrowserFixture.GotoInteractiveAsync(page, "/incidents?q=zeta-phone");

        var id = page.GetByTestId("incident-row-id");
        await Assertions.Expect(id).ToHaveAttributeAsync("data-label", "Id");
        var box = await id.Locator("a").BoundingBoxAsync();
        var lineHeight = await id.Locator("a").EvaluateAsync<double>("a => parseFloat(getComputedStyle(a).lineHeight) || a.getBoundingClientRect().height");
        Assert.True(box!.Height <= lineHeight * 1.5, $"The id wraps: {box.Height}px tall for a {lineHeight}px line.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The list overflows 390 px sideways.");
        await BrowserFixture.ScreenshotAsync(page, "incident-list-phone");
    }
}
