using System.Collections.Concurrent;
using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.ApiReference;

public sealed class ApiReferencePageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReferencePage_SignedIn_RendersOperationsFromTheConsoleAlone()
    {
        var page = await fixture.SignedInPageAsync(MainPages.OperatorUser, MainPages.OperatorPassword);
        var elsewhere = new ConcurrentQueue<string>();
        var blocked = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && !url.IsLoopback)
            {
                elsewhere.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Enqueue(message.Text);
            }
        };

        await page.GotoAsync("/api-reference");

        // The reference lists operations by tag; a tag further down opens when chosen in its sidebar.
        await page.GetByText("Kill switches", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Flip a kill switch on or off, with a reason").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "api-reference");
        Assert.Empty(elsewhere);
        Assert.Empty(blocked);
    }
}
