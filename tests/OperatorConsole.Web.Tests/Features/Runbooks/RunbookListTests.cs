using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Web.Features.Runbooks;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runbooks;

public sealed class RunbookListTests : BunitTestContext
{
    [Fact]
    public async Task Render_ThreeStoredRunbooks_ShowsOneRowEach()
    {
        await SeedAsync();

        var cut = Render<RunbookList>();

        Assert.Equal(["Database disk full", "Message queue backlog", "TLS certificate expiry"], Titles(cut));
    }

    [Fact]
    public async Task TypeSearch_MatchingOneTitle_ShowsOnlyThatRow()
    {
        await SeedAsync();
        var cut = Render<RunbookList>();

        cut.FindComponent<MudTextField<string>>().Find("input").Input("certificate");

        cut.WaitForAssertion(() => Assert.Equal(["TLS certificate expiry"], Titles(cut)), LiveTimeout);
    }

    [Fact]
    public async Task TypeSearch_MatchingBodyText_ShowsThatRow()
    {
        await SeedAsync();
        var cut = Render<RunbookList>();

        cut.FindComponent<MudTextField<string>>().Find("input").Input("consumer lag");

        cut.WaitForAssertion(() => Assert.Equal(["Message queue backlog"], Titles(cut)), LiveTimeout);
    }

    [Fact]
    public async Task SelectPriority_P1_ShowsOnlyP1Runbooks()
    {
        await SeedAsync();
        var cut = Render<RunbookList>();
        var priority = cut.FindComponent<MudSelect<Priority?>>();

        await cut.InvokeAsync(() => priority.Instance.ValueChanged.InvokeAsync(Priority.P1));

        Assert.Equal(["Database disk full", "Message queue backlog"], Titles(cut));
    }

    [Fact]
    public async Task TypeSearch_MatchingNothing_ShowsEmptyStateWithoutTable()
    {
        await SeedAsync();
        var cut = Render<RunbookList>();

        cut.FindComponent<MudTextField<string>>().Find("input").Input("no-runbook-says-this");

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=runbook-table]"));
            Assert.Contains("No runbooks match", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("Change the search or filters.", cut.Markup, StringComparison.Ordinal);
        }, LiveTimeout);
    }

    [Fact]
    public void Render_NoRunbooksStored_InvitesAnImport()
    {
        var cut = Render<RunbookList>();

        Assert.Contains("Import a Markdown runbook to get started.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAfterRender_NewRunbook_AppearsWithoutNavigation()
    {
        await SeedAsync();
        var cut = Render<RunbookList>();

        await ImportAsync("cache-stampede.md", Runbook("Cache stampede", "P2", "cache", "Warm the cache before opening traffic."));

        cut.WaitForAssertion(() => Assert.Contains("Cache stampede", Titles(cut)), LiveTimeout);
        Assert.Equal(4, Titles(cut).Count);
    }

    [Fact]
    public async Task Render_ThousandRunbooks_RendersOnePageAndPagesForward()
    {
        await AddManyAsync(1000);
        var cut = Render<RunbookList>();

        Assert.Equal(RunbookQuery.DefaultTake, Titles(cut).Count);
        Assert.Equal("Runbook 0000", Titles(cut)[0]);
        Assert.Contains("of 1000", cut.Find("[data-testid=runbook-count]").TextContent, StringComparison.Ordinal);

        var pager = cut.FindComponent<MudPagination>();
        await cut.InvokeAsync(() => pager.Instance.SelectedChanged.InvokeAsync(2));

        Assert.Equal(RunbookQuery.DefaultTake, Titles(cut).Count);
        Assert.Equal($"Runbook {RunbookQuery.DefaultTake:0000}", Titles(cut)[0]);
    }

    [Fact]
    public async Task TypeSearch_OnALaterPage_StartsAgainAtTheFirstPage()
    {
        await AddManyAsync(200);
        var cut = Render<RunbookList>();
        var pager = cut.FindComponent<MudPagination>();
        await cut.InvokeAsync(() => pager.Instance.SelectedChanged.InvokeAsync(3));

        cut.FindComponent<MudTextField<string>>().Find("input").Input("Runbook 00");

        cut.WaitForAssertion(() => Assert.Equal("Runbook 0000", Titles(cut)[0]), LiveTimeout);
    }

    // Stored in one transaction instead of a thousand imports: the list only reads what is stored.
    private Task AddManyAsync(int count) =>
        StoreAsync(Enumerable.Range(0, count).Select(i => StoredRunbook($"runbook-{i:0000}", $"Runbook {i:0000}")));

    private async Task SeedAsync()
    {
        await ImportAsync("db-disk.md", Runbook("Database disk full", "P1", "storage", "Free space on the data volume."));
        await ImportAsync("queue.md", Runbook("Message queue backlog", "P1", "messaging", "Check the consumer lag per partition."));
        await ImportAsync("tls.md", Runbook("TLS certificate expiry", "P2", "tls", "Renew and roll out the certificate."));
    }

    private static string Runbook(string title, string priority, string tag, string step) => $"""
        ---
        title: {title}
        priority: {priority}
        tags: [{tag}]
        ---

        # {title}

        ## Steps

        1. {step}
        2. Tell the channel it is done.
        """;

    private static List<string> Titles(IRenderedComponent<RunbookList> cut) =>
        [.. cut.FindAll("[data-testid=runbook-table] tbody tr").Select(row => row.QuerySelector("a")!.TextContent.Trim())];
}
