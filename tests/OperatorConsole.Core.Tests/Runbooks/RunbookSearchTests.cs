using OperatorConsole.Core.Common;
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

    [Fact]
    public void Apply_ExactAlias_RanksFirstAmongManyPartialMatches()
    {
        Runbook[] library =
        [
            .. Enumerable.Range(0, 30).Select(i => Make($"disk-{i}", $"KubeDiskFull{i} cleanup", Priority.P0, ["KubeDiskFull"], "Free space.")),
            Make("pvc", "Persistent volume filling up", Priority.P3, [], "Grow the volume.") with { Aliases = ["KubeDiskFull"] },
        ];

        var first = RunbookSearch.Apply(library, new RunbookFilter("kubediskfull")).First();

        Assert.Equal("pvc", first.Slug);
    }

    [Fact]
    public void Apply_Ranks_TitlePrefixThenTitleThenTagThenStepThenSource()
    {
        Runbook[] library =
        [
            Make("anywhere", "Zeta", Priority.P0, [], "Mentions redis once."),
            Make("step", "Yotta", Priority.P0, [], "Nothing here.") with { Sections = [Section(new RunbookStep("s1", "Flush", StepKind.Command, "redis-cli flushall"))] },
            Make("tag", "Xi", Priority.P0, ["redis"], "Nothing here."),
            Make("contains", "Restart redis", Priority.P0, [], "Nothing here."),
            Make("prefix", "Redis memory high", Priority.P3, [], "Nothing here."),
        ];

        var ranked = RunbookSearch.Apply(library, new RunbookFilter("redis")).Select(r => r.Slug);

        Assert.Equal(["prefix", "contains", "tag", "step", "anywhere"], ranked);
    }

    [Fact]
    public void Apply_TextOnlyInStepText_Matches()
    {
        var runbook = Make("s", "Queue backlog", Priority.P2, [], "Drain it.") with
        {
            Sections = [Section(new RunbookStep("s1", "Pause the consumer group", StepKind.Manual))],
        };

        Assert.Single(RunbookSearch.Apply([runbook], new RunbookFilter("consumer group")));
    }

    [Fact]
    public void Page_SecondPage_ReturnsThatSliceAndTheTotal()
    {
        var library = Enumerable.Range(0, 60).Select(i => Make($"r{i:00}", $"Runbook {i:00}", Priority.P1, [], "x")).ToList();

        var page = RunbookSearch.Page(library, new RunbookQuery(new RunbookFilter(), Skip: 25, Take: 25));

        Assert.Equal(60, page.Total);
        Assert.Equal(25, page.Items.Count);
        Assert.Equal("r25", page.Items[0].Slug);
    }

    [Theory]
    [InlineData(-1, 25, "skip")]
    [InlineData(0, 0, "take")]
    [InlineData(0, RunbookQuery.MaxTake + 1, "take")]
    public void Page_OutOfBounds_IsRefusedNamingTheField(int skip, int take, string field)
    {
        var refused = Assert.Throws<DomainValidationException>(() => RunbookSearch.Page(Library, new RunbookQuery(new RunbookFilter(), skip, take)));

        Assert.Equal([field], refused.Errors.Keys);
    }

    private static RunbookSection Section(params RunbookStep[] steps) =>
        new("steps", "Steps", 2, SectionRole.Steps, Priority.None, null, steps, []);

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
