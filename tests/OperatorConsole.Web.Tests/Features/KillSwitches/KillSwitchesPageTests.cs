using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
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
    public async Task FlipElsewhere_OneOfTwoSwitches_RendersOnlyThatSwitchsRowAgain()
    {
        await CreateAsync("ai-kill-switch");
        await CreateAsync("pause-agent-execution");
        var cut = Render<KillSwitchesPage>();
        var other = cut.FindComponents<KillSwitchRow>().Single(r => r.Instance.Switch.Key == "pause-agent-execution");
        var otherRenders = other.RenderCount;

        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");

        cut.WaitForAssertion(() => Assert.Equal("ON",
            cut.Find("[data-testid=kill-switch-state][data-switch='ai-kill-switch@global']").TextContent.Trim()), LiveTimeout);
        Assert.Equal(otherRenders, other.RenderCount);
    }

    [Fact]
    public async Task FlipElsewhere_PageOpen_RowAndVersionMoveWithoutThePageRenderingAgain()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        // The page's title renders again whenever the page does (the page's count also counts its rows' renders).
        var title = cut.FindComponents<MudText>()[0];
        var titleRenders = title.RenderCount;

        var flip = await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("ON", cut.Find("[data-testid=kill-switch-state]").TextContent.Trim());
            Assert.Equal(flip.Switch.Version.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=kill-switch-version]").TextContent);
        }, LiveTimeout);
        Assert.Equal(titleRenders, title.RenderCount);
    }

    [Fact]
    public async Task FlipBySomeoneElse_PageOpen_StatusLineTellsWhoAndWhyWithoutAToast()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        Assert.Equal(string.Empty, cut.Find("[data-testid=kill-switch-notice]").TextContent.Trim());

        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");

        cut.WaitForAssertion(() =>
        {
            var notice = cut.Find("[data-testid=kill-switch-notice][role=status]").TextContent;
            Assert.Contains(Olga.DisplayName, notice, StringComparison.Ordinal);
            Assert.Contains("malformed AI output spike", notice, StringComparison.Ordinal);
        }, LiveTimeout);
        Assert.Empty(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    [Fact]
    public async Task FlipBySomeoneElse_PageOpen_VersionAndNoticeRenderOnceTogether()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        var line = cut.FindComponent<KillSwitchLiveLine>();
        var lineRenders = line.RenderCount;

        var flip = await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(flip.Switch.Version.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=kill-switch-version]").TextContent);
            Assert.Contains("malformed AI output spike", cut.Find("[data-testid=kill-switch-notice]").TextContent, StringComparison.Ordinal);
        }, LiveTimeout);
        Assert.Equal(lineRenders + 1, line.RenderCount);
    }

    [Fact]
    public async Task FlipBySomeoneElse_PageOpen_RowAndLineGoOutInOneRenderBatch()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=kill-switch-toggle]").GetAttribute("data-allowed")), LiveTimeout);
        // What the page showed when the first render batch after the flip reached it: the row and the line used to go
        // out as two batches (two frames in every open browser), the row's first.
        (string State, string Version, string Notice)? first = null;
        cut.OnMarkupUpdated += (_, _) => first ??= (
            cut.Find("[data-testid=kill-switch-state]").TextContent.Trim(),
            cut.Find("[data-testid=kill-switch-version]").TextContent,
            cut.Find("[data-testid=kill-switch-notice]").TextContent);

        var flip = await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");

        cut.WaitForAssertion(() => Assert.NotNull(first), LiveTimeout);
        var shown = first.GetValueOrDefault();
        Assert.Equal("ON", shown.State);
        Assert.Equal(flip.Switch.Version.ToString(CultureInfo.InvariantCulture), shown.Version);
        Assert.Contains("malformed AI output spike", shown.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowClicked_AfterItsSwitchFlippedElsewhere_ActionsShowTheCurrentState()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();
        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");
        cut.WaitForAssertion(() => Assert.Equal("ON", cut.Find("[data-testid=kill-switch-state]").TextContent.Trim()), LiveTimeout);

        cut.Find("[data-testid=kill-switch-key]").ParentElement!.Click();

        cut.WaitForAssertion(() =>
            Assert.Contains("currently ON", cut.Find("[data-testid=kill-switch-actions]").TextContent, StringComparison.Ordinal), LiveTimeout);
    }

    [Fact]
    public async Task InlineToggle_WithReason_SwitchTurnsOnAsSignedInUser()
    {
        await CreateAsync("bad-pack-kill-switch");
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-toggle] input[type=checkbox]").Change(true);
        cut.Find("[data-testid=inline-flip-form] textarea").Change("wrong pack live in zrh");
        cut.Find("[data-testid=inline-flip]").Click();

        cut.WaitForAssertion(() => Assert.True(Switches.Get("bad-pack-kill-switch")!.On), LiveTimeout);
        Assert.Equal(Omar.Id, Switches.Get("bad-pack-kill-switch")!.LastChange!.ActorId);
    }

    [Fact]
    public async Task InlineToggle_WithoutReason_ReasonFieldSaysSoAndSwitchStaysOff()
    {
        await CreateAsync("pause-agent-execution");
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-toggle] input[type=checkbox]").Change(true);
        cut.Find("[data-testid=inline-flip]").Click();
        cut.WaitForAssertion(() => Assert.Contains("A reason is required.", cut.Find("[data-testid=inline-flip-form] .mud-input-error").TextContent, StringComparison.Ordinal), LiveTimeout);

        // A busy browser can deliver the field's blur after Core's answer; Core's message must still be the one shown.
        await cut.Find("[data-testid=inline-flip-form] textarea").BlurAsync(new());
        Assert.Equal("A reason is required.", cut.Find("[data-testid=inline-flip-form] .mud-input-helper-text.mud-input-error").TextContent.Trim());
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

    [Fact]
    public async Task InlineToggle_Cancelled_FormClosesAndSwitchStaysOff()
    {
        await CreateAsync("ai-kill-switch");
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-toggle] input[type=checkbox]").Change(true);
        cut.Find("[data-testid=inline-cancel]").Click();

        Assert.Empty(cut.FindAll("[data-testid=inline-flip-form]"));
        Assert.False(Switches.Get("ai-kill-switch")!.On);
    }

    [Fact]
    public async Task HistoryToggle_AfterFlips_RowShowsEachChangeNewestFirstWithWhoAndWhy()
    {
        await CreateAsync("ai-kill-switch");
        await Switches.FlipAsync(Olga, "ai-kill-switch", null, true, "malformed AI output spike");
        await Switches.FlipAsync(Omar, "ai-kill-switch", null, false, "AI lane clean again");
        var cut = Render<KillSwitchesPage>();
        Assert.Empty(cut.FindAll("[data-testid=kill-switch-history]"));

        cut.Find("[data-testid=history-toggle]").Click();

        var entries = cut.FindAll("[data-testid=history-entry]").Select(e => e.TextContent).ToList();
        Assert.Contains("Omar On-call", entries[0], StringComparison.Ordinal);
        Assert.Contains("AI lane clean again", entries[0], StringComparison.Ordinal);
        Assert.Contains("malformed AI output spike", entries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ProtectiveSwitch_MarkedBesideItsName()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("publish-pipeline-freeze", null, "Freeze", true, Protective: true));
        await CreateAsync("ai-kill-switch");

        var cut = Render<KillSwitchesPage>();

        var marked = cut.FindAll("[data-testid=kill-switch-key]").Where(k => k.QuerySelector("[data-testid=protective-mark]") is not null);
        Assert.Equal(["publish-pipeline-freeze@global"], marked.Select(k => k.GetAttribute("data-switch")));
    }

    private Task<KillSwitch> CreateAsync(string key) =>
        Switches.CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Test switch", false));
}
