using AngleSharp.Html.Parser;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class RelativeLinksTests
{
    private static readonly RunbookLinkContext Context = new(
        "disk-full",
        3,
        "alerts/disk/full.md",
        [new RunbookFile("alerts/img/graph.png", "image/png", "00", 1), new RunbookFile("alerts/disk/fix me.sh", "text/plain", "01", 1)],
        path => path == "alerts/cpu.md" ? "cpu-high" : null);

    private readonly RunbookRenderer _renderer = new();

    private AngleSharp.Dom.IElement Body(string markdown) =>
        new HtmlParser().ParseDocument(_renderer.ToSafeHtml(markdown, links: Context)).Body!;

    [Fact]
    public void ToSafeHtml_ImageKeptWithVersion_PointsAtItsFileUrl()
    {
        var image = Body("![graph](../img/graph.png)").QuerySelector("img")!;

        Assert.Equal("/api/runbooks/disk-full/v3/files/alerts/img/graph.png", image.GetAttribute("src"));
    }

    [Fact]
    public void ToSafeHtml_LinkedFileWithSpace_PointsAtEscapedFileUrl()
    {
        var link = Body("[script](fix%20me.sh)").QuerySelector("a")!;

        Assert.Equal("/api/runbooks/disk-full/v3/files/alerts/disk/fix%20me.sh", link.GetAttribute("href"));
    }

    [Fact]
    public void ToSafeHtml_LinkToImportedRunbook_OpensItKeepingTheAnchor()
    {
        var link = Body("[CPU](../cpu.md#mitigation)").QuerySelector("a")!;

        Assert.Equal("/runbooks/cpu-high#mitigation", link.GetAttribute("href"));
    }

    // Hugo sites (prometheus-operator/runbooks) link their pages with a ref shortcode instead of a path.
    [Theory]
    [InlineData("See [CPU]({{< ref \"../cpu.md\" >}}) first.")]
    [InlineData("See [CPU]({{% relref ../cpu.md %}}) first.")]
    public void ToSafeHtml_HugoRefShortcodeToImportedRunbook_OpensIt(string markdown)
    {
        var body = Body(markdown);

        Assert.Equal("/runbooks/cpu-high", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("See CPU first.", body.TextContent.Trim());
    }

    [Theory]
    [InlineData("[gone](../gone.md)", "gone")]
    [InlineData("![missing](missing.png)", "missing")]
    public void ToSafeHtml_ReferenceToNothingImported_PlainTextTitledNotImported(string markdown, string text)
    {
        var body = Body(markdown);

        Assert.Null(body.QuerySelector("a"));
        Assert.Null(body.QuerySelector("img"));
        var span = body.QuerySelector("span.oc-link-missing")!;
        Assert.Equal(text, span.TextContent);
        Assert.StartsWith("not imported", span.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[web](https://example.org/a.md)", "https://example.org/a.md")]
    [InlineData("[here](#steps)", "#steps")]
    public void ToSafeHtml_AbsoluteOrInPageLink_LeftAlone(string markdown, string href)
    {
        Assert.Equal(href, Body(markdown).QuerySelector("a")!.GetAttribute("href"));
    }
}
