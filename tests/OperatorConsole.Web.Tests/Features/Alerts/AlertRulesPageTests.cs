using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Features.Alerts;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Alerts;

public sealed class AlertRulesPageTests : BunitTestContext
{
    private static readonly Actor Ada = new("admin", "Ada Admin", Role.Admin | Role.OnCall);

    public AlertRulesPageTests() => SignIn(Ada);

    private Task ReceiveAsync(string alertName, string env)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertName, ["env"] = env };
        return Services.GetRequiredService<IAlertIntake>().ReceiveAsync(Ada, "webhook",
            [new IncomingAlert(IncomingAlert.Firing, labels, new Dictionary<string, string>(), DateTimeOffset.UtcNow, null, null, IncomingAlerts.Fingerprint(labels))]);
    }

    [Fact]
    public async Task TypeMatchers_RecentAlerts_PreviewShowsOnlyTheMatchingOnes()
    {
        await ReceiveAsync("DiskFull", "prod");
        await ReceiveAsync("DiskFull", "staging");
        await ReceiveAsync("CpuHot", "prod");
        var cut = Render<AlertRulesPage>();

        cut.Find("input[data-testid=rule-alertname]").Input("DiskFull");
        cut.Find("textarea[data-testid=rule-matchers]").Input("env!=\"prod\"");

        cut.WaitForAssertion(() =>
        {
            var match = Assert.Single(cut.FindAll("[data-testid=rule-preview-match]"));
            Assert.Contains("env=staging", match.TextContent, StringComparison.Ordinal);
        }, LiveTimeout);
    }

    [Fact]
    public void TypeMatcher_BadRegex_PreviewSaysWhatIsWrong()
    {
        var cut = Render<AlertRulesPage>();

        cut.Find("textarea[data-testid=rule-matchers]").Input("env=~\"(\"");

        cut.WaitForAssertion(() => Assert.Contains("invalid regex", cut.Find("[data-testid=rule-preview-problem]").TextContent, StringComparison.Ordinal), LiveTimeout);
    }
}
