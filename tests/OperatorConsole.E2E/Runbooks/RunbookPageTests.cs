using Microsoft.Playwright;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Runbooks;

public sealed class RunbookPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SeedRunbookWithMojibake_ShowsRepairedTextAndTheRepairNotice()
    {
        var rites = fixture.Host.Service<RunbookService>().List(new RunbookFilter(Text: "Sacred Rites"))[0];
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, $"/runbooks/{rites.Slug}");

        await Assertions.Expect(page.GetByTestId("repairs")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Document" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rendered-markdown")).ToContainTextAsync("✅");
        await Assertions.Expect(page.GetByTestId("rendered-markdown")).Not.ToContainTextAsync("âœ…");
        await BrowserFixture.ScreenshotAsync(page, "runbook-document");
    }

    [Fact]
    public async Task RunbookList_SearchNarrowsTheTable()
    {
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks");
        await Assertions.Expect(page.GetByTestId("runbook-table").Locator("tbody tr")).ToHaveCountAsync(6);

        await page.GetByTestId("runbook-search").FillAsync("KERNELS");

        await Assertions.Expect(page.GetByTestId("runbook-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "runbook-search");
    }
}
