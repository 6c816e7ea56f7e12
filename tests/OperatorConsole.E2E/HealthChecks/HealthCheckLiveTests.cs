using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.HealthChecks;

/// <summary>An on-call engineer makes the demo targets fail; their page and a viewer's open page show the checks failing without reload.</summary>
public sealed class HealthCheckLiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string SurvivalCheck = "demo-survival-rate-0-9-001-daily";

    [Fact]
    public async Task DemoFailureControl_BothBrowsersShowTheCheckFailingLive()
    {
        var oncall = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(oncall, "/health-checks");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/health-checks");
        await Assertions.Expect(Status(viewer)).ToHaveAttributeAsync("data-status", "passing");

        await oncall.GetByTestId("demo-failure-toggle").ClickAsync();

        await Assertions.Expect(Status(oncall)).ToHaveAttributeAsync("data-status", "failing");
        await Assertions.Expect(Status(viewer)).ToHaveAttributeAsync("data-status", "failing");
        await Assertions.Expect(viewer.GetByTestId("demo-failure-toggle")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(viewer, "health-checks-demo-failing");
        await BrowserFixture.ScreenshotAsync(oncall, "health-checks-oncall-demo-control");

        await oncall.GetByTestId("demo-failure-toggle").ClickAsync();

        await Assertions.Expect(Status(viewer)).ToHaveAttributeAsync("data-status", "passing");
    }

    private static ILocator Status(IPage page) => page.Locator($"[data-testid=check-status][data-check='{SurvivalCheck}']");
}
