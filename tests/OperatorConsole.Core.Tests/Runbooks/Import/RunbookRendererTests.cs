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
    public void ToSafeHtml_RawHtml_IsShownAsText()
    {
        Assert.Contains("&lt;script&gt;", _renderer.ToSafeHtml("<script>alert(1)</script>"), StringComparison.Ordinal);
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
}
