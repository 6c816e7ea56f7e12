using System.Text;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Runbooks;

/// <summary>An imported document read in a real browser: anchors stay on the page, details open, links look like links.</summary>
public sealed class RunbookRenderingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Document = $"""
        # Disk almost full

        Jump to [the mitigation](#mitigation) or read [the upstream docs](https://example.org/disk).

        <!-- reviewers: keep this runbook short -->

        <details>
        <summary>Why this alert fires</summary>

        The volume passed 90% for ten minutes.

        </details>

        ## Meaning

        {string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Background paragraph {i} that pushes the mitigation below the fold."))}

        ## Mitigation

        1. Find the biggest directories:

           ```bash
           du -sh /var/* | sort -h
           ```
        """;

    [Fact]
    public async Task Document_AnchorLink_ScrollsWithinThePageAndStaysOnTheRunbook()
    {
        var page = await OpenDocumentAsync();
        var heading = page.GetByTestId("rendered-markdown").Locator("#mitigation");
        await Assertions.Expect(heading).Not.ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "the mitigation" }).ClickAsync();

        await Assertions.Expect(heading).ToBeInViewportAsync();
        Assert.EndsWith($"/runbooks/{Slug}#mitigation", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("runbook-title")).ToHaveTextAsync("Disk almost full");
    }

    [Fact]
    public async Task Document_DetailsSummary_OpensOnClick()
    {
        var page = await OpenDocumentAsync();
        var details = page.GetByTestId("rendered-markdown").Locator("details");
        await Assertions.Expect(details.GetByText("The volume passed 90%")).Not.ToBeVisibleAsync();

        await details.Locator("summary").ClickAsync();

        await Assertions.Expect(details.GetByText("The volume passed 90%")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Document_Links_AreUnderlinedWithReadableContrastAndCommentsAreHidden()
    {
        var page = await OpenDocumentAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "the upstream docs" });

        Assert.Contains("underline", await link.EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine"), StringComparison.Ordinal);
        Assert.True(await link.EvaluateAsync<double>(ContrastScript) >= 4.5);
        Assert.Equal("noopener noreferrer", await link.GetAttributeAsync("rel"));
        await Assertions.Expect(page.GetByTestId("rendered-markdown")).Not.ToContainTextAsync("<!--");
        await Assertions.Expect(page.GetByTestId("rendered-markdown")).Not.ToContainTextAsync("reviewers");
    }

    private const string Slug = "disk-almost-full";

    // WCAG contrast of the link's colour against the first opaque background behind it.
    private const string ContrastScript = """
        a => {
          const rgb = c => c.match(/[\d.]+/g).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
          let el = a, bg = null;
          while (el && !bg) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length === 3 || c[3] > 0) bg = c; el = el.parentElement; }
          const [l1, l2] = [lum(rgb(getComputedStyle(a).color)), lum(bg ?? [255, 255, 255])].sort((x, y) => y - x);
          return (l1 + 0.05) / (l2 + 0.05);
        }
        """;

    private async Task<IPage> OpenDocumentAsync()
    {
        await fixture.Host.Service<RunbookService>().ImportAsync(Actor.System, $"{Slug}.md", Encoding.UTF8.GetBytes(Document));
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, $"/runbooks/{Slug}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Document" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rendered-markdown")).ToBeVisibleAsync();
        return page;
    }
}
