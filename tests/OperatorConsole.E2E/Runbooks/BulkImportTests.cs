using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;

namespace OperatorConsole.E2E.Runbooks;

public sealed class BulkImportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task UploadArchive_ShowsReport_ThenRelativeImageLoadsAndRelativeLinkOpensTheOtherRunbook()
    {
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks/import");

        await page.GetByTestId("archive-input").SetInputFilesAsync(new FilePayload
        {
            Name = "runbooks-main.zip",
            MimeType = "application/zip",
            Buffer = TestArchives.Zip(TestArchives.Repository("e2e")),
        });

        await Assertions.Expect(page.GetByTestId("archive-summary")).ToHaveAttributeAsync("data-done", "true");
        var report = page.GetByTestId("archive-report");
        await Assertions.Expect(report.Locator("tbody tr")).ToHaveCountAsync(11);
        await Assertions.Expect(report.Locator("tbody tr", new() { HasText = "e2e/broken/latin1.md" })).ToContainTextAsync("UTF-8");
        await Assertions.Expect(report.Locator("tbody tr", new() { HasText = "e2e/alerts/disk-full.md" })).ToContainTextAsync("Imported");
        await BrowserFixture.ScreenshotAsync(page, "bulk-import-report");

        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks/disk-full-e2e");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Document" }).ClickAsync();
        var document = page.GetByTestId("rendered-markdown");
        var image = document.GetByRole(AriaRole.Img, new() { Name = "Disk graph" });
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await Assertions.Expect(document.Locator("span[title^='not imported']")).ToHaveTextAsync("the old page");

        await document.GetByRole(AriaRole.Link, new() { Name = "CPU high" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("runbook-title")).ToHaveTextAsync("CPU high e2e");
        Assert.EndsWith("/runbooks/cpu-high-e2e#mitigation", page.Url, StringComparison.Ordinal);
    }
}
