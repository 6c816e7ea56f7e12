using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Features.Home;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Home;

public sealed class CommandCentrePageTests : BunitTestContext
{
    private IncidentService Incidents => Services.GetRequiredService<IncidentService>();

    private KillSwitchService Switches => Services.GetRequiredService<KillSwitchService>();

    [Fact]
    public void Render_QuietConsole_EveryCardSaysSoInWords()
    {
        var cut = Render<CommandCentrePage>();

        Assert.Equal("No open incidents.", Empty(cut, "card-incidents"));
        Assert.Equal("No open incidents are assigned to you.", Empty(cut, "card-mine"));
        Assert.Equal("No kill switch is on.", Empty(cut, "card-switches"));
        Assert.Equal("No scopes yet.", Empty(cut, "card-scopes"));
        Assert.Equal("Every health check passed its last run.", Empty(cut, "card-checks"));
        Assert.Equal("Every firing alert was routed by the alert matrix.", Empty(cut, "card-alerts"));
        Assert.Equal("false", cut.Find("[data-testid=card-lockdown]").GetAttribute("data-locked"));
    }

    [Fact]
    public async Task Render_BusyConsole_IncidentsBySeverityMineSwitchesAndBadScope()
    {
        var sev2 = await Incidents.OpenAsync(Omar, new("Fallback path rising", IncidentClass.FallbackPathSpike, IncidentSeverity.Sev2, [], null));
        var sev1 = await Incidents.OpenAsync(Olga, new("Bad Porto publish", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["porto"], null));
        await Incidents.MoveAsync(Omar, sev2.Id, IncidentStatus.Acknowledged);
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("bad-pack-kill-switch", "porto", "Bad pack", false));
        await Switches.FlipAsync(Olga, "bad-pack-kill-switch", "porto", true, "wrong pack live in porto", sev1.Id);
        await ScopeWithBadActivePublishAsync("porto");

        var cut = Render<CommandCentrePage>();

        Assert.Equal([sev1.Id, sev2.Id], Lines(cut, "card-incidents", "data-incident"));
        Assert.Equal([sev2.Id], Lines(cut, "card-mine", "data-incident"));
        Assert.Contains("Olga On-call: wrong pack live in porto", cut.Find("[data-testid=switch-line]").TextContent, StringComparison.Ordinal);
        Assert.Equal("porto", cut.Find("[data-testid=card-scopes] [data-testid=scope-bad]").GetAttribute("data-scope"));
        Assert.Contains("unproven", cut.Find("[data-testid=scope-objective]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesElsewhere_WhilePageOpen_CardsFollowLive()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("ai-kill-switch", null, "AI lane", false));
        var cut = Render<CommandCentrePage>();

        var incident = await Incidents.OpenAsync(Olga, new("Source outage", IncidentClass.SourceOutage, IncidentSeverity.Sev1, [], null));
        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output");
        await Services.GetRequiredService<LockdownService>().EngageAsync(Olga, "bad pack spreading");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal([incident.Id], Lines(cut, "card-incidents", "data-incident"));
            Assert.Equal(["ai-kill-switch@global"], Lines(cut, "card-switches", "data-switch"));
            Assert.Contains("bad pack spreading", cut.Find("[data-testid=card-lockdown][data-locked=true]").TextContent, StringComparison.Ordinal);
        }, LiveTimeout);
    }

    private static string Empty(IRenderedComponent<CommandCentrePage> cut, string card) =>
        cut.Find($"[data-testid={card}] [data-testid=card-empty]").TextContent.Trim();

    private static List<string?> Lines(IRenderedComponent<CommandCentrePage> cut, string card, string attribute) =>
        [.. cut.FindAll($"[data-testid={card}] [{attribute}]").Select(e => e.GetAttribute(attribute))];

    /// <summary>A scope whose active manifest's stored pack does not hash to the checksum its publisher declared.</summary>
    private async Task ScopeWithBadActivePublishAsync(string id)
    {
        var scopes = Services.GetRequiredService<ScopeService>();
        await scopes.CreateAsync(Actor.System, new ScopeDefinition(id, "Porto locality", null, false, null, null, null));
        var manifest = Encoding.UTF8.GetBytes("{\"manifest\":1}");
        var pack = Encoding.UTF8.GetBytes("{\"rules\":[]}");
        await scopes.RegisterManifestAsync(Actor.System, id, new ManifestInput(
            $"{id}-v1", "v1", Checksums.Sha256(manifest), Checksums.Sha256(Encoding.UTF8.GetBytes("what was published")), null, null, null, manifest, pack, null, null));
        var request = await scopes.RequestRebindAsync(Actor.System, id, $"{id}-v1");
        await scopes.RebindAsync(Actor.System, request.Token, id, $"{id}-v1", "seed");
    }
}
