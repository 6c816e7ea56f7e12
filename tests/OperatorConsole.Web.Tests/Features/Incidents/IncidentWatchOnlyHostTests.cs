using System.Net;
using System.Net.Http.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Incidents;

/// <summary>
/// Which incident pages come without a circuit, as a browser receives them, and that the static page's viewer cannot
/// change the incident another way: every endpoint behind the page's controls refuses the viewer's cookie.
/// </summary>
public sealed class IncidentWatchOnlyHostTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string ServerComponent = "\"type\":\"server\"";

    [Fact]
    public async Task IncidentPage_Viewer_StaticWithTheWatchScriptAndNoCircuit()
    {
        var id = await OpenIncidentAsync();
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");

        var html = await viewer.GetStringAsync($"/incidents/{id}");

        Assert.DoesNotContain(ServerComponent, html, StringComparison.Ordinal);
        Assert.Contains($"data-incident-watch=\"{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("js/incident-watch", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia%2FTokyo", "Asia/Tokyo")]
    [InlineData("Nowhere%2FAtAll", null)]
    [InlineData("", null)]
    public async Task IncidentPage_Viewer_TimesInTheZoneTheBrowserLeft(string cookie, string? zone)
    {
        var id = await OpenIncidentAsync();
        var openedAt = host.Service<IncidentService>().Get(id)!.OpenedAt;
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{id}");
        request.Headers.Add("Cookie", $"{BrowserClock.ZoneCookie}={cookie}");

        using var response = await viewer.SendAsync(request);

        var expected = LocalTime.Short(openedAt, zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentPage_ViewersBeforeAndAfterANote_NeverAnOlderPageAndEachTheirOwnShell()
    {
        var id = await OpenIncidentAsync();
        using var vera = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");
        using var other = await HostClients.SignedInClientAsync(host, await SecondViewerAsync(), SecondViewerPassword);
        var before = await vera.GetStringAsync($"/incidents/{id}");

        await host.Service<IncidentService>().AddNoteAsync(Actor.System, id, "Shared render check: rollback done");
        var afterVera = await vera.GetStringAsync($"/incidents/{id}");
        var afterOther = await other.GetStringAsync($"/incidents/{id}");

        Assert.DoesNotContain("rollback done", before, StringComparison.Ordinal);
        Assert.Contains("rollback done", afterVera, StringComparison.Ordinal);
        Assert.Contains("rollback done", afterOther, StringComparison.Ordinal);
        Assert.Equal("Vera Viewer", await CurrentUserAsync(afterVera));
        Assert.Equal("Vic Viewer", await CurrentUserAsync(afterOther));
    }

    [Fact]
    public async Task IncidentPage_LockdownCommittedBeforeTheSharedBoardTookItIn_BannerShown()
    {
        var id = await OpenIncidentAsync();
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");
        var board = host.Service<LockdownBoard>();
        Assert.Null(board.Current.Value.Active);
        var store = host.Service<IConsoleStore>();
        // Written past the service, so no event reaches the board: as a lockdown just committed is, for a moment, while
        // the hub already tells browsers of it (or one committed by another instance and not yet relayed here).
        var lockdown = new LockdownRecord
        {
            Id = "LD-BOARD-LAG", Reason = "Committed, not yet taken in", EngagedBy = "oncall", EngagedByName = "Omar On-call",
            EngagedAt = DateTimeOffset.UtcNow, SnapshotId = "none", SnapshotHash = "none",
        };
        await store.WriteAsync(s => { s.Lockdown.Upsert(lockdown); return 0; });
        try
        {
            var html = await viewer.GetStringAsync($"/incidents/{id}");

            Assert.Null(board.Current.Value.Active);
            Assert.Contains("Committed, not yet taken in", html, StringComparison.Ordinal);
        }
        finally
        {
            await store.WriteAsync(s =>
            {
                s.Lockdown.Upsert(lockdown with { Release = new("test over", "Omar On-call", "oncall", "Omar On-call", DateTimeOffset.UtcNow, "none", false) });
                return 0;
            });
        }
    }

    [Fact]
    public async Task IncidentPage_SameIncidentInTwoZones_EachInItsOwnZone()
    {
        var id = await OpenIncidentAsync();
        var openedAt = host.Service<IncidentService>().Get(id)!.OpenedAt;
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");

        foreach (var zone in new[] { "Asia/Tokyo", "America/New_York", "Asia/Tokyo" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{id}");
            request.Headers.Add("Cookie", $"{BrowserClock.ZoneCookie}={Uri.EscapeDataString(zone)}");
            using var response = await viewer.SendAsync(request);

            Assert.Contains(LocalTime.Short(openedAt, TimeZoneInfo.FindSystemTimeZoneById(zone)), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task IncidentPage_FilteredThenUnfiltered_EachAsAsked()
    {
        var id = await OpenIncidentAsync();
        await host.Service<IncidentService>().AddNoteAsync(Actor.System, id, "Unfiltered note");
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");

        var filtered = await viewer.GetStringAsync($"/incidents/{id}?kind={TimelineKinds.Status}");
        var unfiltered = await viewer.GetStringAsync($"/incidents/{id}");

        Assert.DoesNotContain("Unfiltered note", filtered, StringComparison.Ordinal);
        Assert.Contains("Unfiltered note", unfiltered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentPage_PersonWhoMayActAskingAfterAViewer_InteractiveWithControls()
    {
        var id = await OpenIncidentAsync();
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");
        using var oncall = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");
        Assert.Contains($"data-incident-watch=\"{id}\"", await viewer.GetStringAsync($"/incidents/{id}?mode=act"), StringComparison.Ordinal);

        var html = await oncall.GetStringAsync($"/{IncidentLinks.Act(id)}");

        Assert.Contains(ServerComponent, html, StringComparison.Ordinal);
        Assert.Contains("data-action=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-incident-watch", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oncall", "demo-oncall")]
    [InlineData("owner", "demo-owner")]
    [InlineData("admin", "demo-admin")]
    public async Task IncidentPage_PersonWhoMayActNotAsking_WatchPageWithTheWayToAct(string user, string password)
    {
        var id = await OpenIncidentAsync();
        using var client = await HostClients.SignedInClientAsync(host, user, password);

        var html = await client.GetStringAsync($"/incidents/{id}");

        Assert.DoesNotContain(ServerComponent, html, StringComparison.Ordinal);
        Assert.Contains($"data-incident-watch=\"{id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{IncidentLinks.Act(id)}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oncall", "demo-oncall")]
    [InlineData("owner", "demo-owner")]
    public async Task IncidentPage_PersonWhoMayActAsking_Interactive(string user, string password)
    {
        var id = await OpenIncidentAsync();
        using var client = await HostClients.SignedInClientAsync(host, user, password);

        var html = await client.GetStringAsync($"/{IncidentLinks.Act(id)}");

        Assert.Contains(ServerComponent, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-incident-watch", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentList_Viewer_StaysInteractive()
    {
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");

        Assert.Contains(ServerComponent, await viewer.GetStringAsync("/incidents"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes", """{"text":"from a viewer"}""")]
    [InlineData("decisions", """{"decision":"d","rationale":"r"}""")]
    [InlineData("status", """{"to":"Acknowledged"}""")]
    [InlineData("severity", """{"severity":"Sev1","reason":"r"}""")]
    [InlineData("responders", "{}")]
    [InlineData("closure-confirmation", "{}")]
    [InlineData("evidence-bundle", "{}")]
    [InlineData("attachments?name=a.txt", "hello")]
    public async Task IncidentApi_ViewerCookie_Refused(string path, string body)
    {
        var id = await OpenIncidentAsync();
        using var viewer = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/{path}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(CrossSiteRequestGuard.Header, "1");

        using var response = await viewer.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(host.Service<IncidentService>().Timeline(id));
    }

    private const string SecondViewerPassword = "second-viewer-password-1";

    /// <summary>A second person who only watches, created once per host.</summary>
    private async Task<string> SecondViewerAsync()
    {
        var users = host.Service<UserService>();
        if (users.Find("viewer2") is null)
        {
            await users.CreateAsync(Actor.System, "viewer2", "Vic Viewer", SecondViewerPassword, Role.Viewer);
        }

        return "viewer2";
    }

    private static async Task<string> CurrentUserAsync(string html) =>
        (await HostClients.ParseAsync(html)).QuerySelector("[data-testid=current-user]")!.TextContent.Trim();

    private async Task<string> OpenIncidentAsync() =>
        (await host.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Watched by stakeholders", IncidentClass.BadPublish, IncidentSeverity.Sev2, ["evora"], null))).Id;
}
