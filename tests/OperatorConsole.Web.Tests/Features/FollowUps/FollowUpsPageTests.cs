using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.FollowUps;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.FollowUps;

public sealed class FollowUpsPageTests : BunitTestContext
{
    private static readonly DateOnly Opened = new(2026, 3, 10);
    private readonly StepClock _clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public FollowUpsPageTests() => Services.AddSingleton<TimeProvider>(_clock);

    private PostIncidentService Records => Services.GetRequiredService<PostIncidentService>();

    [Fact]
    public void Render_NoFollowUps_ShowsEmptyState()
    {
        var cut = Render<FollowUpsPage>();

        Assert.Contains("No open follow-ups", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=follow-up-table]"));
    }

    [Fact]
    public async Task Render_TwoIncidents_SortedByDueWithOverdueMarked()
    {
        await SaveAsync("Publish blocked", ("Rotate keys together", Opened.AddDays(10)));
        await SaveAsync("Stale packs", ("Freshness alert", Opened.AddDays(1)));
        _clock.Now = _clock.Now.AddDays(3);

        var cut = Render<FollowUpsPage>();

        Assert.Equal(["Freshness alert", "Rotate keys together"], cut.FindAll("[data-testid=follow-up-text]").Select(e => e.TextContent));
        var overdue = Assert.Single(cut.FindAll("[data-testid=overdue]"));
        Assert.Contains("2026-03-11", overdue.Closest("td")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveElsewhere_WhilePageOpen_RowAppearsLive()
    {
        var cut = Render<FollowUpsPage>();

        await SaveAsync("Publish blocked", ("Add signer alert", Opened.AddDays(5)));

        cut.WaitForAssertion(() => Assert.Equal("Add signer alert", cut.Find("[data-testid=follow-up-text]").TextContent), LiveTimeout);
    }

    private async Task SaveAsync(string title, params (string Text, DateOnly Due)[] followUps)
    {
        var incident = await Services.GetRequiredService<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident(title, IncidentClass.PublishFailure, IncidentSeverity.Sev2, [], null));
        var draft = new PostIncidentDraft
        {
            Summary = title,
            FollowUps = [.. followUps.Select(f => new FollowUpDraft { Text = f.Text, Owner = "Iris", Due = f.Due })],
        };
        await Records.SaveAsync(Actor.System, incident.Id, draft);
    }

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
