using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OperatorConsole.E2E.Shared;

/// <summary>
/// axe-core against the page as it is now, held to WCAG 2.1 AA: any critical or serious violation fails the test,
/// listed rule by rule with the offending elements, so the failure message says what to fix.
/// </summary>
public static class Axe
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    private static readonly string[] Failing = ["critical", "serious"];

    /// <summary>Runs axe on <paramref name="page"/> and fails with a readable list of critical and serious violations.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var report = await SeriousViolationsAsync(page, what);
        Assert.True(report.Length == 0, report);
    }

    /// <summary>The critical and serious violations on <paramref name="page"/>, one readable block per rule; empty when none.</summary>
    public static async Task<string> SeriousViolationsAsync(IPage page, string what)
    {
        // The settled page is scanned. A change control looks disabled until Core has said whether this person may act,
        // and MudBlazor then fades its background over 250 ms: scanned mid-fade under load, a primary button's white
        // label was measured against the disabled grey, a colour the page never rests in.
        await Assertions.Expect(page.Locator("[data-action][data-allowed=pending]")).ToHaveCountAsync(0);
        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        if (serious.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder($"{what} ({page.Url}): {serious.Count} critical/serious axe violation(s)\n");
        foreach (var violation in serious)
        {
            text.AppendLine($"  [{violation.Impact}] {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(8))
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.AppendLine($"    at {node.Target}");
                text.AppendLine($"       {Shorten(node.Html)}");
                text.AppendLine($"       {Shorten(string.Join("; ", why))}");
            }

            if (violation.Nodes.Length > 8)
            {
                text.AppendLine($"    … and {violation.Nodes.Length - 8} more");
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 220 ? text : text[..220] + "…";
}
