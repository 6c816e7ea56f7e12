using Bunit;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Web.Features.LaunchDay;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

public sealed class GateBannerTests : BunitTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RulesHold_ShowsNoGoWithEachHoldingRuleItsReasonAndFixLink()
    {
        var gate = new LaunchGate("model-slot-a", Now,
        [
            new NoGoRule("rollback-unproven", "Rollback objective unproven", true, "No passing drill within 90 days.", "/rollbacks"),
            new NoGoRule("stale-pack-alerting", "Stale-pack alerting absent", false, "A rule routes stale-pack alerts.", "/admin/alert-rules"),
            new NoGoRule("kill-switches-untested", "Kill switches untested", true, "bad-pack-kill-switch has no drill.", "/kill-switches"),
        ]);

        var cut = Render<GateBanner>(p => p.Add(c => c.Gate, gate));

        Assert.Equal("no-go", cut.Find("[data-testid=launch-gate]").GetAttribute("data-gate"));
        Assert.Equal("NO-GO", cut.Find("[data-testid=launch-gate-verdict]").TextContent);
        var rules = cut.FindAll("[data-testid=launch-gate-rule]");
        Assert.Equal(["rollback-unproven", "kill-switches-untested"], rules.Select(r => r.GetAttribute("data-rule")));
        Assert.Contains("No passing drill within 90 days.", rules[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("rollbacks", rules[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("kill-switches", rules[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void NoRuleHolds_ShowsGoWithoutRules()
    {
        var gate = new LaunchGate("model-slot-a", Now,
            [new NoGoRule("scope-not-validated", "Scope not validated in production", false, "Production probes passed.", "/launches/L-1")]);

        var cut = Render<GateBanner>(p => p.Add(c => c.Gate, gate));

        Assert.Equal("go", cut.Find("[data-testid=launch-gate]").GetAttribute("data-gate"));
        Assert.Equal("GO", cut.Find("[data-testid=launch-gate-verdict]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=launch-gate-rule]"));
    }
}
