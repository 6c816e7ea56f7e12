using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.Web.Tests.Features.Incidents;

/// <summary>The incident page for someone who only watches it: static, without controls, and never inside a circuit.</summary>
public sealed class IncidentWatchOnlyRenderTests : IncidentTestContext
{
    private static readonly Actor Vera = new("viewer", "Vera Viewer", Role.Viewer);
    private static readonly Actor Everyone = new("everyone", "Ada Admin", Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin);

    [Theory]
    [InlineData(Role.Viewer, true)]
    [InlineData(Role.None, true)]
    [InlineData(Role.OnCall, false)]
    [InlineData(Role.IncidentOwner, false)]
    [InlineData(Role.Viewer | Role.OnCall, false)]
    public void OnlyWatches_Roles_TrueExactlyWhenNoPageActionIsAllowed(Role roles, bool onlyWatches)
    {
        var permissions = Services.GetRequiredService<Core.Common.Permissions>();

        Assert.Equal(onlyWatches, IncidentPageActions.OnlyWatches(permissions, new Actor("someone", "Someone", roles)));
    }

    [Theory]
    [InlineData(Role.Viewer, false, true)]
    [InlineData(Role.Viewer, true, true)]
    [InlineData(Role.OnCall, false, true)]
    [InlineData(Role.OnCall, true, false)]
    [InlineData(Role.IncidentOwner, true, false)]
    [InlineData(Role.None, true, true)]
    public void Watches_RolesAndAsking_WatchPageUnlessAskedByAPersonWhoMayAct(Role roles, bool askedToAct, bool watches)
    {
        var permissions = Services.GetRequiredService<Core.Common.Permissions>();

        Assert.Equal(watches, IncidentPageActions.Watches(permissions, new Actor("someone", "Someone", roles), askedToAct));
    }

    [Fact]
    public async Task Render_OnCallStaticWithoutAsking_WatchPageOfferingThePageWithControls()
    {
        var id = await OpenIncidentAsync();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<IncidentDetail>(p => p.Add(c => c.Id, id));

        Assert.Equal(id, cut.Find("[data-incident-watch]").GetAttribute("data-incident-watch"));
        Assert.Empty(cut.FindAll("[data-action]"));
        Assert.Equal(IncidentLinks.Act(id), cut.Find("a[data-testid=incident-act]").GetAttribute("href"));
        Assert.Equal("false", cut.Find("a[data-testid=incident-act]").GetAttribute("data-enhance-nav"));
        Assert.Empty(cut.FindAll("[data-testid=incident-watch-only]"));
    }

    [Fact]
    public async Task Render_OnCallAskingToAct_ControlsAndAWayBackToWatching()
    {
        var id = await OpenIncidentAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = RenderToAct(id);

        Assert.NotEmpty(cut.FindAll("[data-action]"));
        Assert.Empty(cut.FindAll("[data-incident-watch]"));
        Assert.Empty(cut.FindAll("[data-testid=incident-act]"));
        Assert.Equal(IncidentLinks.Watch(id), cut.Find("a[data-testid=incident-watch-only]").GetAttribute("href"));
        Assert.Equal("900000", cut.Find("a[data-testid=incident-watch-only]").GetAttribute("data-idle-return-after"));
        Assert.DoesNotContain(Services.GetRequiredService<BunitNavigationManager>().History, h => h.Options.ForceLoad);
    }

    [Fact]
    public async Task Render_OnCallInsideACircuitWithoutAsking_LoadsTheWatchPageFromTheServer()
    {
        var id = await OpenIncidentAsync();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<IncidentDetail>(p => p.Add(c => c.Id, id));

        var reload = Services.GetRequiredService<BunitNavigationManager>().History.First();
        Assert.True(reload.Options.ForceLoad);
        Assert.Empty(cut.FindAll("[data-action]"));
    }

    [Fact]
    public async Task Render_ViewerAskingToAct_StillTheWatchPageWithNothingToOffer()
    {
        var id = await OpenIncidentAsync();
        SignIn(Vera);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderToAct(id);

        Assert.NotNull(cut.Find("[data-incident-watch]"));
        Assert.Empty(cut.FindAll("[data-action]"));
        Assert.Empty(cut.FindAll("[data-testid=incident-act]"));
    }

    [Fact]
    public async Task Render_PersonWhoMayDoEverything_EveryChangeControlIsAnIncidentPageAction()
    {
        var id = await OpenIncidentAsync();
        SignIn(Everyone);

        var cut = RenderToAct(id);

        var actions = cut.FindAll("[data-action]").Select(e => e.GetAttribute("data-action")!).Distinct().ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a, IncidentPageActions.All));
    }

    [Fact]
    public async Task Render_ViewerStatically_ContentWithoutControlsAndMarkedForTheWatchScript()
    {
        var id = await OpenIncidentAsync();
        await Incidents.AddNoteAsync(Omar, id, "Rolled back");
        SignIn(Vera);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<IncidentDetail>(p => p.Add(c => c.Id, id));

        Assert.Equal(id, cut.Find("[data-incident-watch]").GetAttribute("data-incident-watch"));
        Assert.Contains("Rolled back", cut.Find("[data-testid=timeline-page]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-action]"));
        Assert.Empty(cut.FindAll("input:not([disabled]), textarea"));
        Assert.Equal("get", cut.Find("[data-testid=timeline-kind-form]").GetAttribute("method"));
        Assert.Empty(Services.GetRequiredService<BunitNavigationManager>().History);
    }

    [Fact]
    public async Task Render_ViewerInsideACircuit_LoadsThePageAgainFromTheServer()
    {
        var id = await OpenIncidentAsync();
        SignIn(Vera);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo(IncidentLinks.Watch(id));

        var cut = Render<IncidentDetail>(p => p.Add(c => c.Id, id));

        var reload = navigation.History.First();
        Assert.True(reload.Options.ForceLoad);
        Assert.EndsWith($"/incidents/{id}", reload.Uri, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=timeline]"));
    }

    [Fact]
    public async Task Render_ViewerStaticOlderPage_LinksNameTheAnchorAndKind()
    {
        var id = await OpenIncidentAsync();
        for (var i = 0; i < IncidentTimelineView.PageSize + 2; i++)
        {
            await Incidents.AddNoteAsync(Omar, id, $"Note {i}");
        }

        SignIn(Vera);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var newest = Incidents.TimelinePage(id, TimelineKinds.Note, anchor: null, IncidentTimelineView.PageSize);
        var older = TimelineCursor.Of(newest.Entries[^1]).Key;

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(IncidentLinks.Watch(id), new Dictionary<string, object?> { ["kind"] = TimelineKinds.Note, ["before"] = older }));

        var cut = Render<IncidentDetail>(p => p.Add(c => c.Id, id));

        Assert.Equal(2, cut.FindAll("[data-testid=timeline-entry]").Count);
        Assert.Contains("kind=note", cut.Find("a[data-testid=timeline-newest]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("before=", cut.Find("a[data-testid=timeline-newest]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=timeline-older]").HasAttribute("disabled"));
    }
}
