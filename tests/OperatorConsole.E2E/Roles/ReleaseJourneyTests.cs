using Microsoft.Playwright;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Releases;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Roles;

/// <summary>
/// A release owner takes a version from registration to production in the browser alone: register, set candidate,
/// simulate the shadow cycles a serving service would report (demo only), canary, promote.
/// </summary>
public sealed class ReleaseJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Slot = "model-slot-a";
    private const string Version = "M-JOURNEY-V1";

    [Fact]
    public async Task ReleaseOwner_RegisterShadowCanaryPromote_InTheBrowser()
    {
        var releaseId = ReleaseRules.ManifestId(Slot, Version);
        var owner = await fixture.SignedInPageAsync("release", "demo-release");
        await BrowserFixture.GotoInteractiveAsync(owner, "/releases");
        await Assertions.Expect(owner.GetByTestId("shadow-source")).ToContainTextAsync("serving service");
        var row = owner.Locator($"tr:has([data-release='{releaseId}'])");

        await owner.Locator(".mud-expand-panel-text", new() { HasText = "Register a version" }).ClickAsync();
        await owner.Locator(".mud-panel-expanded .mud-collapse-entered").WaitForAsync();
        await owner.GetByTestId("register-version").FillAsync(Version);
        await owner.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(row.GetByTestId("release-stage")).ToHaveTextAsync("Registered");

        await row.GetByTestId("release-set-candidate").ClickAsync();
        await Assertions.Expect(row.GetByTestId("release-stage")).ToHaveTextAsync("Candidate");

        await BrowserFixture.GotoInteractiveAsync(owner, $"/releases/{releaseId}");
        await Assertions.Expect(owner.GetByTestId("demo-shadow")).ToContainTextAsync("Demo only");
        await owner.GetByTestId("demo-shadow-simulate").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("shadow-progress")).ToHaveAttributeAsync("data-cycles", "1000");
        await Assertions.Expect(owner.GetByTestId("demo-shadow")).ToHaveCountAsync(0);

        await BrowserFixture.GotoInteractiveAsync(owner, "/releases");
        var card = owner.Locator($"[data-testid=release-scope][data-scope='{Slot}']");
        await card.GetByTestId("canary-set").ClickAsync();
        await Assertions.Expect(row.GetByTestId("release-stage")).ToHaveTextAsync("Canary");

        await card.GetByTestId("release-promote").ClickAsync();
        await owner.GetByTestId("promote-confirm").ClickAsync();
        await Assertions.Expect(row.GetByTestId("release-stage")).ToHaveTextAsync("Promoted");
        await Assertions.Expect(card.GetByTestId("slot-active")).ToContainTextAsync(releaseId);

        var report = fixture.Host.Service<AuditService>().Query(new LedgerQuery(Actor: "release", Action: ReleaseActions.ShadowReport)).Single();
        Assert.Equal(LedgerOutcome.Allowed, report.Outcome);
        Assert.Contains("demo simulation", report.Payload, StringComparison.Ordinal);
    }
}
