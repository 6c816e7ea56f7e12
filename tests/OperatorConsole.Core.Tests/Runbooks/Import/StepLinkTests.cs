using System.Text;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

/// <summary>
/// A step keeps the targets of the links its text was written with, and shows them as links only where that is safe:
/// web and mail addresses, and relative links to what the import kept; never javascript:, data: and the like.
/// </summary>
public sealed class StepLinkTests
{
    private const string Document = """
        # Disk full

        ## Mitigation

        1. Open the [disk dashboard](https://grafana.example.com/d/disk?var-host=web-1&from=now-1h) and find the host.
        2. Ask [the storage team](mailto:storage@example.com) before deleting anything.
        3. Follow [the cleanup guide](../guides/cleanup.md#logs), then see [the layout](../img/layout.png).
        4. Decide what to do:
           - [Grow the volume](grow.md)
           - Page <oncall@example.com>
        5. Read <https://wiki.example.com/disk> first.
        6. Never click [this](javascript:alert(document.cookie)) or [that](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).

        Check [the retention policy](https://wiki.example.com/retention) before you delete.

        Restart the [log shipper](https://wiki.example.com/shipper) once space is free:

        ```bash
        systemctl restart vector
        ```
        """;

    private static readonly RunbookLinkContext Context = new("disk-full", 3, "alerts/disk-full.md",
        [new RunbookFile("img/layout.png", "image/png", new string('0', 64), 10)],
        path => path switch { "guides/cleanup.md" => "cleanup-guide", "alerts/grow.md" => "grow-volume", _ => null });

    private readonly RunbookRenderer _renderer = new();

    private static List<RunbookStep> Steps(string markdown) =>
        [.. new RunbookParser().Parse(markdown, "alerts/disk-full.md").Sections.SelectMany(s => s.Steps)];

    [Fact]
    public void Parse_LinksInSteps_KeepTheirTargetsBesideThePlainText()
    {
        var steps = Steps(Document);

        Assert.Equal("Open the disk dashboard and find the host.", steps[0].Text);
        Assert.Equal([new StepLink("disk dashboard", "https://grafana.example.com/d/disk?var-host=web-1&from=now-1h")], steps[0].Links);
        Assert.Equal([new StepLink("the storage team", "mailto:storage@example.com")], steps[1].Links);
        Assert.Equal([new StepLink("the cleanup guide", "../guides/cleanup.md#logs"), new StepLink("the layout", "../img/layout.png")], steps[2].Links);
    }

    [Fact]
    public void Parse_HugoRefShortcodeInAStep_IsALinkToThePathItNames()
    {
        var step = Assert.Single(Steps("# Disk full\n\n## Mitigation\n\n- Grow the volume as in [the grow runbook]({{< ref \"./grow.md\" >}}).\n"));

        Assert.Equal("Grow the volume as in the grow runbook.", step.Text);
        Assert.Equal([new StepLink("the grow runbook", "./grow.md")], step.Links);
        Assert.Contains("href=\"/runbooks/grow-volume\"", _renderer.StepHtml(step, Context), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedItemsFoldedIntoTheirParent_KeepTheirLinks()
    {
        var step = Steps(Document)[3];

        Assert.Equal("Decide what to do: Grow the volume; Page oncall@example.com", step.Text);
        Assert.Equal([new StepLink("Grow the volume", "grow.md"), new StepLink("oncall@example.com", "mailto:oncall@example.com")], step.Links);
    }

    [Fact]
    public void Parse_InstructionParagraphAndCommandLeadIn_KeepTheirLinks()
    {
        var steps = Steps(Document);

        var instruction = steps.Single(s => s.Text.StartsWith("Check the retention", StringComparison.Ordinal));
        Assert.Equal([new StepLink("the retention policy", "https://wiki.example.com/retention")], instruction.Links);
        var command = steps.Single(s => s.Kind == StepKind.Command);
        Assert.Equal("Restart the log shipper once space is free", command.Text);
        Assert.Equal([new StepLink("log shipper", "https://wiki.example.com/shipper")], command.Links);
    }

    [Fact]
    public void Parse_StepWithoutLinks_HasNoLinkList() =>
        Assert.All(Steps("# T\n\n## Steps\n\n1. Restart the service.\n2. `kubectl get pods`\n"), s => Assert.Null(s.Links));

    [Fact]
    public void Parse_CrlfBomAndRepairedText_StillKeepLinks()
    {
        var markdown = "# T\r\n\r\n## Steps\r\n\r\n1. Open [the âœ… board](https://board.example.com/x)\r\n   - [nested](https://nested.example.com)\r\n";
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(markdown)];

        var step = Assert.Single(new RunbookParser().Parse(content, "t.md").Sections.SelectMany(s => s.Steps));

        Assert.Equal("Open the ✅ board: nested", step.Text);
        Assert.Equal([new StepLink("the ✅ board", "https://board.example.com/x"), new StepLink("nested", "https://nested.example.com")], step.Links);
    }

    [Fact]
    public void StepHtml_WebMailAndImportedLinks_AreLive()
    {
        var steps = Steps(Document);

        Assert.Equal(
            "Open the <a href=\"https://grafana.example.com/d/disk?var-host=web-1&amp;from=now-1h\" rel=\"noopener noreferrer\">disk dashboard</a> and find the host.",
            _renderer.StepHtml(steps[0], Context));
        Assert.Equal("Ask <a href=\"mailto:storage@example.com\">the storage team</a> before deleting anything.", _renderer.StepHtml(steps[1], Context));
        Assert.Equal(
            "Follow <a href=\"/runbooks/cleanup-guide#logs\">the cleanup guide</a>, then see <a href=\"/api/runbooks/disk-full/v3/files/img/layout.png\">the layout</a>.",
            _renderer.StepHtml(steps[2], Context));
        Assert.Equal(
            "Decide what to do: <a href=\"/runbooks/grow-volume\">Grow the volume</a>; Page <a href=\"mailto:oncall@example.com\">oncall@example.com</a>",
            _renderer.StepHtml(steps[3], Context));
    }

    [Fact]
    public void StepHtml_ScriptAndDataLinks_StayPlainText()
    {
        var step = Steps(Document)[5];

        Assert.Equal("Never click this or that.", _renderer.StepHtml(step, Context));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("javascript&#58;alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example.com/x")]
    [InlineData("/api/admin")]
    [InlineData("\\\\evil\\share")]
    [InlineData("ftp://files.example.com/x")]
    [InlineData("../../../etc/passwd")]
    [InlineData("not-imported.md")]
    public void StepHtml_UnsafeOrUnresolvedTarget_IsNotALink(string url)
    {
        var step = new RunbookStep("s1-1", "Open the page now", StepKind.Manual, Links: [new StepLink("the page", url)]);

        Assert.Equal("Open the page now", _renderer.StepHtml(step, Context));
    }

    [Theory]
    [InlineData("https://x.example.com/a b", "https://x.example.com/a%20b")]
    [InlineData("HTTP://X.example.com/\"onmouseover=\"alert(1)", "http://x.example.com/%22onmouseover=%22alert(1)")]
    [InlineData("#verification", "/runbooks/disk-full#verification")]
    public void StepHtml_LiveTarget_IsWrittenInOneSafeForm(string url, string href)
    {
        var step = new RunbookStep("s1-1", "Open the page now", StepKind.Manual, Links: [new StepLink("the page", url)]);

        Assert.Equal($"Open <a href=\"{href.Replace("&", "&amp;", StringComparison.Ordinal)}\"{(href.StartsWith("http", StringComparison.Ordinal) ? " rel=\"noopener noreferrer\"" : "")}>the page</a> now", _renderer.StepHtml(step, Context));
    }

    [Fact]
    public void StepHtml_MarkupInTheText_IsShownAsText()
    {
        var step = new RunbookStep("s1-1", "Run <script>alert(1)</script> & open <b>docs</b>", StepKind.Manual,
            Links: [new StepLink("<b>docs</b>", "https://docs.example.com")]);

        Assert.Equal(
            "Run &lt;script&gt;alert(1)&lt;/script&gt; &amp; open <a href=\"https://docs.example.com/\" rel=\"noopener noreferrer\">&lt;b&gt;docs&lt;/b&gt;</a>",
            _renderer.StepHtml(step, Context));
    }

    [Fact]
    public void StepHtml_WithoutLinkContext_OnlyWebAndMailAreLive()
    {
        var steps = Steps(Document);

        Assert.Equal("Follow the cleanup guide, then see the layout.", _renderer.StepHtml(steps[2], links: null));
        Assert.Contains("href=\"mailto:storage@example.com\"", _renderer.StepHtml(steps[1], links: null), StringComparison.Ordinal);
    }

    [Fact]
    public void StepHtml_StepWithoutLinks_IsNull() =>
        Assert.Null(_renderer.StepHtml(new RunbookStep("s1-1", "Restart <it>", StepKind.Manual), Context));
}
