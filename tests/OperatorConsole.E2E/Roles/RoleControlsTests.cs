using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Roles;

/// <summary>
/// Each demo role visits every main page: every change control (an ActionButton, marked data-action) is enabled exactly
/// when Core's Permissions say this person may use it, and a Viewer finds no enabled change control anywhere.
/// </summary>
public sealed class RoleControlsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string IncidentTitle = "Bad publish seen by every role";

    [Theory]
    [InlineData("viewer", "demo-viewer")]
    [InlineData("oncall", "demo-oncall")]
    [InlineData("owner", "demo-owner")]
    [InlineData("release", "demo-release")]
    [InlineData("admin", "demo-admin")]
    public async Task MainPages_EachRole_ChangeControlsFollowCorePermissions(string user, string password)
    {
        var actor = fixture.Host.Service<UserService>().Find(user)!.ToActor();
        var permissions = fixture.Host.Service<Permissions>();
        var pages = await MainPagesAsync();
        var page = await fixture.SignedInPageAsync(user, password);
        var seen = new List<(string Path, string Action, bool Allowed, bool Enabled)>();

        foreach (var path in pages)
        {
            await BrowserFixture.GotoLiveAsync(page, path);
            await OpenPanelsAsync(page, path);
            seen.AddRange((await ControlsAsync(page)).Select(c => (path, c.Action, c.Allowed, c.Enabled)));
        }

        Assert.Contains(seen, c => c.Action == "lockdown.engage");
        Assert.All(seen, c => Assert.True(
            permissions.Check(actor, c.Action).Allowed == c.Allowed,
            $"{user} on {c.Path}: {c.Action} is offered as {(c.Allowed ? "allowed" : "refused")}, Core says {permissions.Check(actor, c.Action).Allowed}."));
        Assert.All(seen.Where(c => !c.Allowed), c => Assert.False(c.Enabled, $"{user} on {c.Path}: refused {c.Action} is enabled."));
        if (user == "viewer")
        {
            Assert.DoesNotContain(seen, c => c.Enabled);
        }
    }

    [Fact]
    public async Task LockdownPage_Viewer_EngageDisabledWithWhoCanAndNoDialogOpens()
    {
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, "/lockdown");
        var engage = page.GetByTestId("lockdown-engage-button");

        await Assertions.Expect(engage).ToHaveAttributeAsync("data-allowed", "false");
        await Assertions.Expect(engage).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-refusal='lockdown.engage']")).ToHaveAttributeAsync("aria-label", "Only on-call engineers can engage a lockdown.");
        await page.GetByTestId("lockdown-reason").FillAsync("I want to try");
        await engage.ClickAsync(new LocatorClickOptions { Force = true });
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    // An open incident of a class with a runbook part, so the incident page shows all of its controls.
    private async Task<IReadOnlyList<string>> MainPagesAsync()
    {
        var incidents = fixture.Host.Service<IncidentService>();
        var incident = incidents.List().FirstOrDefault(i => i.Title == IncidentTitle)?.Id
            ?? (await incidents.OpenAsync(Actor.System, new OpenIncident(IncidentTitle, IncidentClass.BadPublish, IncidentSeverity.Sev2, ["evora"], "Resolver health"))).Id;
        var runbook = fixture.Host.Service<RunbookService>().List()[0].Slug;
        var scope = fixture.Host.Service<ScopeService>().List()[0].Id;
        return ["/", "/incidents", $"/incidents/{incident}", $"/{IncidentLinks.Act(incident)}", "/kill-switches", "/lockdown", "/runbooks", $"/runbooks/{runbook}",
            "/runs", "/scopes", $"/scopes/{scope}", "/releases", "/rollbacks", "/health-checks", "/alerts"];
    }

    // The kill-switch actions show under the table once a row is chosen.
    private static async Task OpenPanelsAsync(IPage page, string path)
    {
        if (path == "/kill-switches")
        {
            await page.GetByTestId("kill-switch-key").First.ClickAsync();
            await page.GetByTestId("kill-switch-actions").WaitForAsync();
        }
    }

    private static async Task<List<(string Action, bool Allowed, bool Enabled)>> ControlsAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-action][data-allowed=pending]")).ToHaveCountAsync(0);
        var controls = new List<(string, bool, bool)>();
        foreach (var control in await page.Locator("[data-action]").AllAsync())
        {
            controls.Add((
                (await control.GetAttributeAsync("data-action"))!,
                await control.GetAttributeAsync("data-allowed") == "true",
                await control.IsEnabledAsync()));
        }

        return controls;
    }
}
