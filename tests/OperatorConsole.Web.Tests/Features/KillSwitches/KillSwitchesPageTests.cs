using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Web.Features.KillSwitches;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.KillSwitches;

public sealed class KillSwitchesPageTests : BunitTestContext
{
    private KillSwitchService Switches => Services.GetRequiredService<KillSwitchService>();

    [Fact]
    public async Task FlipElsewhere_WhilePageOpen_StateMovesLive()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        Assert.Contains("off", cut.Find("[data-testid=kill-switch-state]").TextContent, StringComparison.Ordinal);

        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("ON", cut.Find("[data-testid=kill-switch-state]").TextContent, StringComparison.Ordinal);
            Assert.Single(cut.FindAll("[data-testid=validation-pending]"));
        }, LiveTimeout);
    }

    [Fact]
    public async Task ClickFlip_WithReason_SwitchTurnsOnAsSignedInUser()
    {
        await CreateAsync("bad-pack-kill-switch");
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-table] tbody tr").Click();
        cut.Find("[data-testid=kill-switch-actions] textarea").Change("wrong pack live in zrh");
        cut.Find("[data-testid=flip]").Click();

        cut.WaitForAssertion(() => Assert.True(Switches.Get("bad-pack-kill-switch")!.On), LiveTimeout);
        Assert.Equal(Omar.Id, Switches.Get("bad-pack-kill-switch")!.LastChange!.ActorId);
    }

    [Fact]
    public async Task ClickFlip_WithoutReason_SwitchStaysOff()
    {
        await CreateAsync("pause-agent-execution");
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-table] tbody tr").Click();
        cut.Find("[data-testid=flip]").Click();

        Assert.False(Switches.Get("pause-agent-execution")!.On);
    }

    [Fact]
    public async Task BadPackSwitchTurnedOnWithIncident_OffersRollbackOfItsScopeWithTheIncident()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("bad-pack-kill-switch", "porto", "Bad pack", false));
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        Assert.Empty(cut.FindAll("[data-testid=offer-rollback]"));

        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "AI lane unstable");
        var incident = await Services.GetRequiredService<IncidentService>().OpenAsync(
            Olga, new("Bad Porto publish", IncidentClass.BadPublish, IncidentSeverity.Sev1, [], null));
        await Switches.FlipAsync(Olga, "bad-pack-kill-switch", "porto", true, "wrong pack live in porto", incident.Id);

        cut.WaitForAssertion(() =>
            Assert.Equal($"scopes/porto?incident={incident.Id}", Assert.Single(cut.FindAll("[data-testid=offer-rollback]")).GetAttribute("href")), LiveTimeout);
    }

    private Task<KillSwitch> CreateAsync(string key) =>
        Switches.CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Test switch", false));
}
