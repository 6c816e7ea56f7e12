using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Features.Releases;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Releases;

public sealed class ReleasesPageTests : BunitTestContext
{
    private const string Slot = "model-slot-a";
    private static readonly Actor Rui = new("release", "Rui Release-owner", Role.ReleaseOwner);
    private static readonly Actor Vera = new("viewer", "Vera Viewer", Role.Viewer);

    private ReleaseService Releases => Services.GetRequiredService<ReleaseService>();

    [Fact]
    public void NoModelSlot_ShowsTheEmptyState()
    {
        var cut = Render<ReleasesPage>();

        cut.WaitForAssertion(() => Assert.Contains("No model slot and no releases yet", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CandidateSetElsewhere_ViewerSeesStageAndShadowProgressLiveWithActionsDisabled()
    {
        await SlotWithReleaseAsync("M-Live-V1");
        SignIn(Vera);
        var cut = Render<ReleasesPage>();
        cut.WaitForAssertion(() => Assert.Equal("Registered", cut.Find("[data-testid=release-stage]").TextContent.Trim()));

        await Releases.SetCandidateAsync(Rui, Slot, "M-Live-V1", 1000);
        await Releases.ReportShadowCyclesAsync(Omar, Slot, 250);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Candidate", cut.Find("[data-testid=release-stage]").TextContent.Trim());
            Assert.Equal("250", cut.Find("[data-testid=shadow-progress]").GetAttribute("data-cycles"));
        }, LiveTimeout);
        Assert.Equal("false", cut.Find("[data-testid=release-promote]").GetAttribute("data-allowed"));
        Assert.NotEmpty(cut.FindAll("[data-action]"));
        Assert.All(cut.FindAll("[data-action]"), control => Assert.True(control.HasAttribute("disabled"), control.GetAttribute("data-action")));
    }

    [Fact]
    public async Task ReleaseOwnerClicksSetCandidate_ReleaseEntersShadowInTheirName()
    {
        await SlotWithReleaseAsync("M-Click-V1");
        SignIn(Rui);
        var cut = Render<ReleasesPage>();

        cut.WaitForElement("[data-testid=release-set-candidate]").Click();

        cut.WaitForAssertion(() => Assert.Equal(ReleaseStage.Candidate, Releases.Find(Slot, "M-Click-V1").Stage), LiveTimeout);
        Assert.Equal("Rui Release-owner", Releases.Find(Slot, "M-Click-V1").History[^1].ActorName);
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=release-promote]").HasAttribute("disabled")), LiveTimeout);
    }

    private async Task SlotWithReleaseAsync(string version)
    {
        var scopes = Services.GetRequiredService<ScopeService>();
        await scopes.CreateAsync(Actor.System, new ScopeDefinition(Slot, "Model slot A", null, false, null, null, null));
        var content = Encoding.UTF8.GetBytes("{\"model\":\"v1\"}");
        await scopes.RegisterManifestAsync(Actor.System, Slot, new ManifestInput(
            "model-slot-a-v1", "v1", Checksums.Sha256(content), Checksums.Sha256(content), null, null, null, content, content, null, null));
        var request = await scopes.RequestRebindAsync(Actor.System, Slot, "model-slot-a-v1");
        await scopes.RebindAsync(Actor.System, request.Token, Slot, "model-slot-a-v1", "seed");
        await Releases.RegisterAsync(Rui, new ReleaseInput(Slot, version, null, null, null, null, null));
    }
}
