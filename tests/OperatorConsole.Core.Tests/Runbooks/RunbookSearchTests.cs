using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Tests.Runbooks;

public sealed class RunbookSearchTests
{
    private static readonly Runbook[] Library =
    [
        Make("kill-switch", "Flip a kill switch", Priority.P0, ["safety", "Kill-Switch"], "Disable the feature flag."),
        Make("rollback", "Roll back to last known good", Priority.P1, ["release"], "Rebind the active manifest."),
        Make("self-check", "Console self-check", Priority.None, ["demo"], "Probe /health/live."),
        Make("alerts", "Alert triage", Priority.P1, ["alerts"], "Acknowledge the page, then roll forward."),
    ];

    [Fact]
    public void Apply_EmptyFilter_ReturnsAllByPriorityThenTitleWithNoneLast()
    {
        var result = Slugs(new RunbookFilter());

        Assert.Equal(["kill-switch", "alerts", "rollback", "self-check"], result);
    }

    [Fact]
    public void Apply_TextInTitle_MatchesIgnoringCase()
    {
        Assert.Equal(["self-check"], Slugs(new RunbookFilter("CONSOLE")));
    }

    [Fact]
    public void Apply_TextOnlyInSource_Matches()
    {
        Assert.Equal(["rollback"], Slugs(new RunbookFilter("manifest")));
    }

    [Fact]
    public void Apply_TextInTag_Matches()
    {
        Assert.Equal(["kill-switch"], Slugs(new RunbookFilter("safety")));
    }

    [Fact]
    public void Apply_SeveralTerms_RequiresEveryTerm()
    {
        Assert.Equal(["alerts"], Slugs(new RunbookFilter("roll  page")));
    }

    [Fact]
    public void Apply_TermMatchingNothing_ReturnsNothing()
    {
        Assert.Empty(Slugs(new RunbookFilter("kubernetes")));
    }

    [Fact]
    public void Apply_Priority_KeepsOnlyThatPriority()
    {
        Assert.Equal(["alerts", "rollback"], Slugs(new RunbookFilter(Priority: Priority.P1)));
    }

    [Fact]
    public void Apply_Tag_MatchesWholeTagIgnoringCase()
    {
        Assert.Equal(["kill-switch"], Slugs(new RunbookFilter(Tag: "kill-switch")));
        Assert.Empty(Slugs(new RunbookFilter(Tag: "kill")));
    }

    [Fact]
    public void Apply_TextPriorityAndTag_AllMustHold()
    {
        Assert.Empty(Slugs(new RunbookFilter("roll", Priority.P0, "release")));
    }

    private static List<string> Slugs(RunbookFilter filter) => [.. RunbookSearch.Apply(Library, filter).Select(r => r.Slug)];

    private static Runbook Make(string slug, string title, Priority priority, string[] tags, string source) => new()
    {
        Slug = slug,
        Version = 1,
        Title = title,
        Priority = priority,
        Tags = tags,
        Source = $"# {title}\n\n{source}\n",
        SourceSha256 = new string('0', 64),
        ImportedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        ImportedBy = "Ada",
    };
}
