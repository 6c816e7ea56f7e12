using AngleSharp.Html.Parser;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class RunbookRendererTests
{
    private static readonly string[] ForbiddenElements = ["script", "iframe", "style", "form", "object", "embed"];

    private readonly RunbookRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("![x](x \"t\" onerror=alert(1))")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<form action=\"/x\"><input name=q></form>")]
    [InlineData("Hello {onclick=\"alert(1)\"}\n")]
    [InlineData("<details ontoggle=\"alert(1)\" open><summary>x</summary>y</details>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=\"alert(1)\"><script>alert(1)</script></svg>")]
    [InlineData("<div>\n<script>alert(1)</script>\n</div>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    public void ToSafeHtml_HostileMarkup_LeavesNothingThatRuns(string markdown)
    {
        var body = new HtmlParser().ParseDocument(_renderer.ToSafeHtml(markdown)).Body!;
        var elements = body.QuerySelectorAll("*");

        Assert.DoesNotContain(elements, e => ForbiddenElements.Contains(e.LocalName));
        Assert.DoesNotContain(elements, e => e.LocalName == "input" && e.GetAttribute("type") != "checkbox");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ToSafeHtml_FrontMatter_IsNotRenderedAsText()
    {
        var html = _renderer.ToSafeHtml("---\ntags: [demo]\npriority: P1\n---\n\n# Title\n");

        Assert.DoesNotContain("tags", html, StringComparison.Ordinal);
        Assert.Contains("Title", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_RawScript_IsDroppedWithItsText()
    {
        Assert.DoesNotContain("alert", _renderer.ToSafeHtml("Before\n\n<script>alert(1)</script>\n\nAfter\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_Details_RendersAsDetailsWithSummary()
    {
        var body = Parse("<details>\n<summary>Full output</summary>\n\n```\nok\n```\n\n</details>\n");

        var details = Assert.Single(body.QuerySelectorAll("details"));
        Assert.Equal("Full output", details.QuerySelector("summary")?.TextContent);
        Assert.NotNull(details.QuerySelector("pre code"));
    }

    [Fact]
    public void ToSafeHtml_HtmlComment_IsDropped()
    {
        var html = _renderer.ToSafeHtml("Text\n\n<!-- TODO: ask the DBA -->\n\nMore <!-- inline --> text\n");

        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DBA", html, StringComparison.Ordinal);
        Assert.DoesNotContain("inline", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_Heading_GetsTheIdGitHubWouldGiveIt()
    {
        var heading = Parse("## Check the disk (quickly)\n").QuerySelector("h2");

        Assert.Equal("check-the-disk-quickly", heading?.Id);
    }

    [Fact]
    public void ToSafeHtml_InPageLinkWithDocumentPath_PointsAtThatPath()
    {
        var link = Parse("[see below](#mitigation)\n\n## Mitigation\n", "/runbooks/disk-full").QuerySelector("a");

        Assert.Equal("/runbooks/disk-full#mitigation", link?.GetAttribute("href"));
    }

    [Fact]
    public void ToSafeHtml_ExternalLink_OpensWithoutOpenerOrReferrer()
    {
        var link = Parse("[docs](https://example.org/runbooks)\n").QuerySelector("a");

        Assert.Equal("noopener noreferrer", link?.GetAttribute("rel"));
    }

    [Fact]
    public void ToSafeHtml_RawHtmlWithConsoleClassAndStyle_KeepsNeitherClassNorPositioning()
    {
        var div = Parse("<div class=\"mud-overlay\" style=\"position:fixed;inset:0\">x</div>\n").QuerySelector("div");

        Assert.NotNull(div);
        Assert.False(div.ClassList.Contains("mud-overlay"));
        Assert.DoesNotContain("position", div.GetAttribute("style") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_NestedList_RendersAListInsideTheItem()
    {
        var nested = Parse("- Check the pods\n  - kubectl get pods\n  - kubectl describe pod\n").QuerySelectorAll("ul > li > ul > li");

        Assert.Equal(2, nested.Length);
    }

    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<span>", "")]
    public void ToSafeHtml_RawHtmlNestedTenThousandDeep_ShowsTheMarkupAsText(string open, string close)
    {
        var markdown = "# Deep\n\n" + string.Concat(Enumerable.Repeat(open, 10_000)) + "x" + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n";

        var body = Parse(markdown);

        Assert.Empty(body.QuerySelectorAll("div div, span span"));
        Assert.Contains(open, body.TextContent, StringComparison.Ordinal);
        Assert.Equal("Deep", body.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public void ToSafeHtml_TableAlignment_KeepsTextAlign()
    {
        Assert.Contains("text-align: right", _renderer.ToSafeHtml("| A |\n|--:|\n| 1 |\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_Table_RendersAsTable()
    {
        var html = _renderer.ToSafeHtml("| A | B |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_FencedCode_KeepsTheLanguageClass()
    {
        var html = _renderer.ToSafeHtml("```bash\necho <hi>\n```\n");

        Assert.Contains("<code class=\"language-bash\">echo &lt;hi&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_TaskList_KeepsDisabledCheckboxes()
    {
        var checkbox = new HtmlParser().ParseDocument(_renderer.ToSafeHtml("- [x] done\n")).QuerySelector("input");

        Assert.NotNull(checkbox);
        Assert.Equal("checkbox", checkbox.GetAttribute("type"));
        Assert.True(checkbox.HasAttribute("disabled"));
    }

    private AngleSharp.Dom.IElement Parse(string markdown, string? documentPath = null) =>
        new HtmlParser().ParseDocument(_renderer.ToSafeHtml(markdown, documentPath)).Body!;
}
