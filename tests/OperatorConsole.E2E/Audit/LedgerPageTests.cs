using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Audit;

public sealed class LedgerPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Viewer_VerifiesTheChain_SeesItIntactWithTheRootHash()
    {
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, "/ledger");

        await page.GetByTestId("verify-ledger").ClickAsync();

        await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("Chain intact");
        await Assertions.Expect(page.GetByTestId("ledger-table")).ToContainTextAsync("runbook.import");
        await BrowserFixture.ScreenshotAsync(page, "ledger");
    }
}
