using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Components.Layout;
using OperatorConsole.Web.Features.Lockdown;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Lockdown;

public sealed class LockdownBannerTests : BunitTestContext
{
    private LockdownService Lockdown => Services.GetRequiredService<LockdownService>();

    [Fact]
    public async Task LockdownElsewhere_BannerAppearsWithWhoAndWhy_AndLeavesOnRelease()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<LockdownBanner>();
        Assert.Empty(cut.FindAll("[data-testid=lockdown-banner]"));

        var record = await Lockdown.EngageAsync(Olga, "bad pack spreading");
        cut.WaitForAssertion(() =>
        {
            var banner = cut.Find("[data-testid=lockdown-banner]");
            Assert.Contains("Olga On-call", banner.TextContent, StringComparison.Ordinal);
            Assert.Contains("bad pack spreading", banner.TextContent, StringComparison.Ordinal);
            Assert.Equal($"api/lockdown/{record.Id}/snapshot", cut.Find("[data-testid=lockdown-banner-snapshot]").GetAttribute("href"));
        }, LiveTimeout);

        var request = await Lockdown.RequestReleaseAsync(Olga, "pack replaced");
        await Lockdown.ConfirmReleaseAsync(Omar, request.Token);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=lockdown-banner]")), LiveTimeout);
    }

    [Fact]
    public async Task LockdownPage_ReleaseRequests_OthersShowConfirm_OwnShowsWaiting()
    {
        await Lockdown.EngageAsync(Omar, "halt");
        var cut = Render<LockdownPage>();

        await Lockdown.RequestReleaseAsync(Olga, "Olga says safe");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=confirm-release]")), LiveTimeout);
        await Lockdown.RequestReleaseAsync(Omar, "Omar says safe");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(2, cut.FindAll("[data-testid=pending-release]").Count);
            Assert.Single(cut.FindAll("[data-testid=confirm-release]"));
            Assert.Single(cut.FindAll("[data-testid=waiting-second-person]"));
        }, LiveTimeout);
    }

    [Fact]
    public void LockdownPage_EngageWithoutReason_StaysUnlocked()
    {
        var cut = Render<LockdownPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=lockdown-engage-button]"), LiveTimeout);

        cut.Find("[data-testid=lockdown-engage-button]").Click();

        Assert.Null(Lockdown.Active());
        Assert.Empty(cut.FindAll("[data-testid=lockdown-active]"));
    }
}
