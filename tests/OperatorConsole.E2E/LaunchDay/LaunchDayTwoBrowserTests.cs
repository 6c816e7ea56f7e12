using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.LaunchDay;

/// <summary>
/// A release owner runs launch day in one browser while a viewer watches the dashboard in another: NO-GO with its reasons
/// until a rollback drill and the kill-switch drills are recorded, then three people sign off and the launch completes in both.
/// </summary>
public sealed class LaunchDayTwoBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Scope = "model-slot-a";
    private const string Version = "M-LAUNCH-V1";
    private const string SecretValue = "sk-live-do-not-show-9f3a";

    private static readonly (SignOffArea Area, string User, string Name)[] Signers =
    [
        (SignOffArea.Product, "pia", "Pia Product"),
        (SignOffArea.Engineering, "eli", "Eli Engineering"),
        (SignOffArea.Qa, "quinn", "Quinn QA"),
    ];

    [Fact]
    public async Task LaunchSequence_OwnerRunsIt_SecondBrowserFollowsFromNoGoToComplete()
    {
        await PrepareReleaseAndSignersAsync();
        var owner = await fixture.SignedInPageAsync("release", "demo-release");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/launches");
        await Assertions.Expect(viewer.GetByText("No launches yet")).ToBeVisibleAsync();

        var launchId = await CreateLaunchAsync(owner);
        await viewer.Locator($"[data-testid=launch-row][data-launch='{launchId}'] a").ClickAsync();
        await viewer.WaitForSelectorAsync("[data-testid=launch-dashboard]");
        var gate = viewer.GetByTestId("launch-gate");
        await Assertions.Expect(gate).ToHaveAttributeAsync("data-gate", "no-go");
        await BrowserFixture.ScreenshotAsync(owner, "launch-day-created-owner");

        await SubmitConfigAsync(owner);
        await Assertions.Expect(viewer.GetByTestId("launch-step-config")).ToHaveAttributeAsync("data-state", "passed");
        await Assertions.Expect(viewer.Locator("[data-testid=config-auth-key][data-present=true]")).ToHaveCountAsync(1);
        Assert.DoesNotContain(SecretValue, await viewer.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, await owner.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(viewer.GetByTestId("signoff-product-why-not")).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(viewer, "launch-day-no-go");

        var rules = viewer.GetByTestId("launch-gate-rule");
        var holding = await rules.CountAsync();
        await RecordRollbackDrillAsync();
        await Assertions.Expect(rules).ToHaveCountAsync(holding - 1);
        await RecordKillSwitchDrillsAsync();
        await Assertions.Expect(rules).ToHaveCountAsync(holding - 2);
        await Assertions.Expect(gate).ToHaveAttributeAsync("data-gate", "no-go");

        await PromoteAsync();
        foreach (var step in new[] { "first-publish", "probes", "live-fetch" })
        {
            await owner.GetByTestId($"launch-run-{step}").ClickAsync();
            var card = viewer.GetByTestId($"launch-step-{step}");
            await Assertions.Expect(card).Not.ToHaveAttributeAsync("data-state", "pending");
            Assert.True(await card.GetAttributeAsync("data-state") == "passed", await card.InnerTextAsync());
        }

        await Assertions.Expect(gate).ToHaveAttributeAsync("data-gate", "go");
        foreach (var signer in Signers)
        {
            await SignOffInOwnBrowserAsync(launchId, signer.Area, signer.User);
            await Assertions.Expect(viewer.GetByTestId($"signoff-{Key(signer.Area)}-by")).ToContainTextAsync(signer.Name);
        }

        await owner.GetByTestId("launch-run-archive").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("launch-complete")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByTestId("launch-complete")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByTestId("launch-state")).ToHaveAttributeAsync("data-state", "complete");
        await Assertions.Expect(viewer.GetByTestId("launch-bundle")).ToHaveAttributeAsync("href", $"api/launches/{launchId}/bundle");
        await BrowserFixture.ScreenshotAsync(viewer, "launch-day-complete");
    }

    private static string Key(SignOffArea area) => area.ToString().ToLowerInvariant();

    /// <summary>A candidate release with its shadow cycles done, and three signers each holding one area's duty.</summary>
    private async Task PrepareReleaseAndSignersAsync()
    {
        var users = fixture.Host.Service<UserService>();
        var admin = users.Find("admin")!.ToActor();
        var releaseOwner = users.Find("release")!.ToActor();
        var releases = fixture.Host.Service<ReleaseService>();
        await releases.RegisterAsync(releaseOwner, new ReleaseInput(Scope, Version, null, null, null, "sbom/m-launch-v1.spdx.json", "Launch model."));
        await releases.SetCandidateAsync(releaseOwner, Scope, Version, 100);
        await releases.ReportShadowCyclesAsync(users.Find("oncall")!.ToActor(), Scope, 100, new Dictionary<string, double> { ["survival_rate"] = 0.97 });

        // The demo resolver the probes reach is the console itself, on loopback: an Admin allows it, as for any probe target.
        await fixture.Host.Service<OutboundService>().AllowAsync(admin, fixture.Host.BaseAddress.Host, "E2E: the console's demo resolver");

        var launches = fixture.Host.Service<LaunchService>();
        foreach (var signer in Signers)
        {
            var user = await users.CreateAsync(admin, signer.User, signer.Name, $"demo-{signer.User}-pass", Role.OnCall);
            await launches.SetDutiesAsync(admin, signer.Area, [user.Id]);
        }
    }

    private static async Task<string> CreateLaunchAsync(IPage owner)
    {
        await BrowserFixture.GotoInteractiveAsync(owner, "/launches");
        await BrowserFixture.SelectAsync(owner, "create-launch-release", Version);
        await owner.GetByTestId("create-launch-endpoints").FillAsync("api.endpoint = https://api.binkindly.example/v1");
        await owner.GetByTestId("create-launch-flags").FillAsync("flags.sorting_v2 = true");
        await owner.GetByTestId("create-launch-auth-keys").FillAsync("auth.signing_key");
        await owner.GetByTestId("create-launch-submit").ClickAsync();
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/launches/"));
        await owner.WaitForSelectorAsync("[data-testid=launch-dashboard]");
        return owner.Url[(owner.Url.LastIndexOf('/') + 1)..];
    }

    /// <summary>A malformed config is refused under the field; then the real one, whose kill-switch defaults match the console's.</summary>
    private async Task SubmitConfigAsync(IPage owner)
    {
        await owner.GetByTestId("config-text").FillAsync("{ \"api\": { \"endpoint\": ");
        await BrowserFixture.SelectAsync(owner, "config-format", "JSON");
        await owner.GetByTestId("config-submit").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=config-form] .mud-input-helper-text.mud-input-error").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(owner.GetByTestId("launch-step-config")).ToHaveAttributeAsync("data-state", "pending");

        await owner.GetByTestId("config-text").FillAsync(ProductionConfig());
        await owner.GetByTestId("config-submit").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("launch-step-config")).ToHaveAttributeAsync("data-state", "passed");
        await Assertions.Expect(owner.GetByTestId("config-text")).ToHaveValueAsync(string.Empty);
    }

    private string ProductionConfig()
    {
        var switches = new JsonObject();
        foreach (var s in fixture.Host.Service<KillSwitchService>().List().Where(s => s.Scope is KillSwitch.GlobalScope or Scope))
        {
            switches[s.Key] = s.DefaultOn;
        }

        return new JsonObject
        {
            ["api"] = new JsonObject { ["endpoint"] = "https://api.binkindly.example/v1/" },
            ["flags"] = new JsonObject { ["sorting_v2"] = true },
            ["auth"] = new JsonObject { ["signing_key"] = SecretValue },
            ["kill_switches"] = switches,
        }.ToJsonString();
    }

    /// <summary>The drill scope rolled back and checked, through the rollback service as an on-call engineer would.</summary>
    private async Task RecordRollbackDrillAsync()
    {
        var rollbacks = fixture.Host.Service<RollbackService>();
        var oncall = fixture.Host.Service<UserService>().Find("oncall")!.ToActor();
        var run = await rollbacks.StartAsync(oncall, Scope, drill: true);
        await rollbacks.ConfirmTargetsAsync(oncall, run.Id);
        var rebind = await rollbacks.RequestRebindAsync(oncall, run.Id);
        await rollbacks.ConfirmRebindAsync(oncall, run.Id, rebind.Token);
        await rollbacks.VerifyChecksumsAsync(oncall, run.Id);
        var done = await rollbacks.ProbeAsync(oncall, run.Id);
        Assert.True(done.Outcome?.Passed, "the drill met its objective");
    }

    private async Task RecordKillSwitchDrillsAsync()
    {
        var switches = fixture.Host.Service<KillSwitchService>();
        var oncall = fixture.Host.Service<UserService>().Find("oncall")!.ToActor();
        foreach (var s in switches.List().Where(s => s.Scope is KillSwitch.GlobalScope or Scope))
        {
            await switches.DrillAsync(oncall, s.Key, s.Scope, "Launch-day drill");
        }
    }

    /// <summary>The first production publish of the release (the owner's own publish, which the gate allows once only validation is missing).</summary>
    private async Task PromoteAsync()
    {
        var releases = fixture.Host.Service<ReleaseService>();
        var releaseOwner = fixture.Host.Service<UserService>().Find("release")!.ToActor();
        var request = await releases.RequestPromoteAsync(releaseOwner, Scope);
        var promoted = await releases.PromoteAsync(releaseOwner, request.Token, Scope);
        Assert.True(promoted.PostDeployCheck?.Passed, promoted.PostDeployCheck?.Summary);
    }

    private async Task SignOffInOwnBrowserAsync(string launchId, SignOffArea area, string user)
    {
        var page = await fixture.SignedInPageAsync(user, $"demo-{user}-pass");
        await BrowserFixture.GotoInteractiveAsync(page, $"/launches/{launchId}");
        var key = Key(area);
        await page.GetByTestId($"signoff-{key}-statement").FillAsync($"{area} checked the launch of {Version}.");
        await page.GetByTestId($"signoff-{key}-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"signoff-{key}")).ToHaveAttributeAsync("data-signed", "true");
        await page.Context.CloseAsync();
    }
}
