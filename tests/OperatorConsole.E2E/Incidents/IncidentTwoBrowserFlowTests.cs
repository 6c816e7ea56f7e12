using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

/// <summary>The whole flow of the incidents issue, with the on-call operator and the owner in two browsers.</summary>
public sealed class IncidentTwoBrowserFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sev1_OpenedByOnCall_IsWorkedLiveWithTheOwnerUntilClosed()
    {
        var operatorPage = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var ownerPage = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(ownerPage, "/incidents");
        await BrowserFixture.GotoInteractiveAsync(operatorPage, "/incidents/new");

        // On-call opens a SEV-1; the owner sees the row and the alert without reloading.
        await operatorPage.GetByTestId("incident-title").FillAsync("Wrong pack active in coimbra");
        await BrowserFixture.SelectAsync(operatorPage, "incident-severity", "SEV-1");
        await operatorPage.GetByTestId("open-incident-submit").ClickAsync();
        await Assertions.Expect(operatorPage).ToHaveURLAsync(new Regex("/incidents/INC-"));
        var id = new Uri(operatorPage.Url).AbsolutePath.Split('/').Last();
        await Assertions.Expect(ownerPage.GetByTestId("incident-table")).ToContainTextAsync("Wrong pack active in coimbra");
        await Assertions.Expect(ownerPage.GetByTestId("sev1-banner")).ToContainTextAsync(id);
        await BrowserFixture.GotoInteractiveAsync(ownerPage, $"/{IncidentLinks.Act(id)}");

        // The operator's note and evidence appear live on the owner's timeline.
        await operatorPage.GetByTestId("note-input").FillAsync("Rolled back to last known good at 12:04");
        await operatorPage.GetByTestId("add-note").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("timeline")).ToContainTextAsync("Rolled back to last known good at 12:04");
        await BrowserFixture.ExpandAsync(operatorPage, "Record evidence (what failed, what was done, how it was checked)");
        await operatorPage.GetByTestId("evidence-scope").FillAsync("coimbra");
        await operatorPage.GetByTestId("evidence-trigger").FillAsync("Resolver health alert");
        await operatorPage.GetByTestId("evidence-containment").FillAsync("Bad-pack kill switch, rebind to last known good");
        await operatorPage.GetByTestId("evidence-verification").FillAsync("Manifest and pack checksums match last known good");
        await operatorPage.GetByTestId("evidence-followup").FillAsync("Add a canary readback gate");
        await operatorPage.GetByTestId("record-evidence").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("timeline")).ToContainTextAsync("Evidence recorded");

        // Too early: the owner is told exactly what is missing.
        await ownerPage.GetByTestId("move-Closed").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("closure-panel")).ToContainTextAsync("It must be Resolved first");
        await Assertions.Expect(ownerPage.GetByTestId("closure-panel")).ToContainTextAsync("confirm the closure condition");

        // Completing it: resolve, confirm the class's closure condition, close.
        await ownerPage.GetByTestId("move-Resolved").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("incident-status")).ToHaveTextAsync("Resolved");
        await ownerPage.GetByTestId("confirm-closure").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("closure-panel")).ToContainTextAsync("Nothing blocks closing");
        await ownerPage.GetByTestId("move-Closed").ClickAsync();

        // A SEV-1 whose required responses are not all ticked closes only with a reasoned override.
        await ownerPage.GetByTestId("close-override-reason").FillAsync("Contained by the rollback; the release freeze was already in force");
        await ownerPage.GetByTestId("close-override-confirm").ClickAsync();

        await Assertions.Expect(operatorPage.GetByTestId("incident-status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(operatorPage.GetByTestId("sev1-banner")).ToHaveCountAsync(0);
        Assert.Equal(IncidentStatus.Closed, fixture.Host.Service<IncidentService>().Get(id)!.Status);
        await BrowserFixture.ScreenshotAsync(ownerPage, "incident-flow-closed");
    }
}
