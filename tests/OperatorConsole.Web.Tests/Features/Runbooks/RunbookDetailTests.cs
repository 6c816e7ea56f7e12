using Bunit;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Web.Features.Runbooks;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runbooks;

public sealed class RunbookDetailTests : BunitTestContext
{
    private static readonly RunbookSection Meaning =
        new("meaning", "Meaning", 2, SectionRole.Context, Priority.None, null, [], [], "The disk is **almost full**; see [mitigation](#mitigation).");

    private static readonly RunbookSection Mitigation = new("mitigation", "Mitigation", 2, SectionRole.Steps, Priority.None, null,
        [new RunbookStep("m1", "Remove old logs", StepKind.Command, "rm -rf /var/log/old")], []);

    [Fact]
    public async Task Render_ContextSection_ShowsItsRenderedTextAboveTheSteps()
    {
        await StoreAsync([StoredRunbook("disk", "Disk full") with { Sections = [Meaning, Mitigation] }]);

        var cut = Render<RunbookDetail>(p => p.Add(c => c.Slug, "disk"));

        var context = cut.Find("[data-testid=runbook-context]");
        Assert.Equal("almost full", context.QuerySelector("strong")?.TextContent);
        Assert.Equal("/runbooks/disk#mitigation", context.QuerySelector("a")?.GetAttribute("href"));
        Assert.True(cut.Markup.IndexOf("runbook-context", StringComparison.Ordinal) < cut.Markup.IndexOf("rm -rf /var/log/old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_StepWithLinks_LinksOnlyTheSafeTargets()
    {
        var steps = new RunbookSection("steps", "Steps", 2, SectionRole.Steps, Priority.None, null,
            [new RunbookStep("s1-1", "Open the <dashboard> & never this or that", StepKind.Manual, Links:
                [new StepLink("the <dashboard>", "https://grafana.example.com/d/disk"), new StepLink("this", "javascript:alert(1)"), new StepLink("that", "data:text/html,x")])], []);
        await StoreAsync([StoredRunbook("linked-steps", "Linked steps") with { Sections = [steps] }]);

        var cut = Render<RunbookDetail>(p => p.Add(c => c.Slug, "linked-steps"));

        var link = Assert.Single(cut.FindAll("a"), a => a.TextContent == "the <dashboard>");
        Assert.Equal(("https://grafana.example.com/d/disk", "noopener noreferrer"), (link.GetAttribute("href"), link.GetAttribute("rel")));
        Assert.Equal("Open the <dashboard> & never this or that", link.ParentElement!.TextContent);
        Assert.DoesNotContain("javascript:", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_ImportWarnings_AreShown()
    {
        await StoreAsync([StoredRunbook("disk", "Disk full") with { Sections = [Mitigation], Warnings = ["The title was cut to 200 characters."] }]);

        var cut = Render<RunbookDetail>(p => p.Add(c => c.Slug, "disk"));

        Assert.Contains("The title was cut to 200 characters.", cut.Find("[data-testid=runbook-warnings]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_RunbookWithoutSteps_DisablesStartRunSayingWhyAndShowsNoSteps()
    {
        await StoreAsync([StoredRunbook("notes", "Notes only") with { Sections = [Meaning], Warnings = ["No steps found."] }]);

        var cut = Render<RunbookDetail>(p => p.Add(c => c.Slug, "notes"));

        Assert.True(cut.Find("[data-testid=start-run]").HasAttribute("disabled"));
        Assert.Contains("has no steps to run", cut.Find("[data-testid=start-run-why]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No steps", cut.Markup, StringComparison.Ordinal);
    }
}
