using Microsoft.Playwright;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Releases;

/// <summary>A promotion confirmed through the dialog in one browser moves the stage in another browser live.</summary>
public sealed class ReleasePromotionLiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Slot = "model-slot-a";
    private const string Version = "M-E2E-V1";

    [Fact]
    public async Task PromoteThroughTheDialog_SecondBrowserSeesPromotedWithoutReload()
    {
        var users = fixture.Host.Service<UserService>();
        var releases = fixture.Host.Service<ReleaseService>();
        await releases.RegisterAsync(users.Find("release")!.ToActor(), new ReleaseInput(Slot, Version, null, null, null, "sbom/m-e2e-v1.spdx.json", "E2E model."));
        await releases.SetCandidateAsync(users.Find("release")!.ToActor(), Slot, Version, 1000);
        await releases.ReportShadowCyclesAsync(users.Find("oncall")!.ToActor(), Slot, 1000, new Dictionary<string, double> { ["survival_rate"] = 0.96 });
        var previous = fixture.Host.Service<ScopeService>().Active(Slot).Active.Id;

        var owner = await fixture.SignedInPageAsync("release", "demo-release");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(owner, "/releases");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/releases");
        var releaseId = ReleaseRules.ManifestId(Slot, Version);
        var viewerStage = viewer.Locator($"tr:has([data-release='{releaseId}']) [data-testid=release-stage]");
        await Assertions.Expect(viewerStage).ToHaveTextAsync("Candidate");
        await Assertions.Expect(viewer.Locator($"tr:has([data-release='{releaseId}']) [data-testid=shadow-progress]")).ToContainTextAsync("1000 / 1000");
        await BrowserFixture.ScreenshotAsync(owner, "releases-candidate");

        await owner.Locator($"[data-testid=release-scope][data-scope='{Slot}'] [data-testid=release-promote]").ClickAsync();
        var dialog = owner.GetByTestId("promote-dialog");
        await Assertions.Expect(owner.GetByTestId("promote-what")).ToContainTextAsync($"from {previous} to {releaseId}");
        await Assertions.Expect(dialog).ToContainTextAsync($"{previous} becomes the last known good");
        await BrowserFixture.ScreenshotAsync(owner, "releases-promote-dialog");
        await owner.GetByTestId("promote-confirm").ClickAsync();

        await Assertions.Expect(viewerStage).ToHaveTextAsync("Promoted");
        await Assertions.Expect(viewer.Locator($"[data-testid=release-scope][data-scope='{Slot}'] [data-testid=slot-active]")).ToContainTextAsync(releaseId);
        await Assertions.Expect(viewer.Locator($"tr:has([data-release='{releaseId}']) [data-testid=post-deploy-check]")).ToHaveAttributeAsync("data-passed", "true");
        Assert.Equal(previous, fixture.Host.Service<ScopeService>().Active(Slot).LastKnownGood!.Id);
        await viewer.GetByTestId("dark-mode").ClickAsync();
        await BrowserFixture.ScreenshotAsync(viewer, "releases-viewer-after-promote-dark");

        await BrowserFixture.GotoInteractiveAsync(owner, $"/releases/{releaseId}");
        await Assertions.Expect(owner.GetByTestId("release-history")).ToContainTextAsync("Promoted to production");
        await Assertions.Expect(owner.GetByTestId("release-history")).ToContainTextAsync("Post-deploy check passed");
        await BrowserFixture.ScreenshotAsync(owner, "release-detail-after-promote");
    }
}
