using Microsoft.Playwright;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Runbooks;

public sealed class ImportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Upload_OfABinaryFile_ShowsTheErrorAndStoresNothing()
    {
        var before = fixture.Host.Service<RunbookService>().List().Count;
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks/import");

        await page.GetByTestId("upload-input").SetInputFilesAsync(new FilePayload
        {
            Name = "runbook.md",
            MimeType = "application/octet-stream",
            Buffer = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00],
        });

        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("binary", new() { IgnoreCase = true });
        Assert.Equal(before, fixture.Host.Service<RunbookService>().List().Count);
        await BrowserFixture.ScreenshotAsync(page, "import-binary-error");
    }

    [Fact]
    public async Task Upload_OfAMarkdownRunbook_ImportsItAndListsIt()
    {
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks/import");

        await page.GetByTestId("upload-input").SetInputFilesAsync(new FilePayload
        {
            Name = "cache-flush.md",
            MimeType = "text/markdown",
            Buffer = "# Cache flush\n\n## Steps\n\n1. Drain traffic\n2. Flush the cache\n"u8.ToArray(),
        });

        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("Cache flush");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks");
        await Assertions.Expect(page.GetByTestId("runbook-table")).ToContainTextAsync("Cache flush");
        await BrowserFixture.ScreenshotAsync(page, "runbook-list");
    }
}
