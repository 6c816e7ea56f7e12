using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Api;

public sealed class RoleDenialTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Markdown = "# Viewer import\n\n## Steps\n\n1. Do the thing.\n";

    [Fact]
    public async Task ImportRunbook_ViewerKey_Returns403ProblemJson()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await ApiRequests.ImportAsync(viewer, "viewer.md", Markdown);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("Only ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_ViewerKey_Returns403ProblemJson()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await ApiRequests.StartRunAsync(viewer);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartRun_ViewerKey_DenialIsOnTheLedger()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        var me = await viewer.GetFromJsonAsync<JsonElement>("/api/me");
        var keyActor = me.GetProperty("id").GetString()!;

        using var _ = await ApiRequests.StartRunAsync(viewer);

        var entries = await viewer.GetFromJsonAsync<JsonElement>($"/api/ledger?actor={Uri.EscapeDataString(keyActor)}&action=run.start");
        var entry = Assert.Single(entries.EnumerateArray());
        Assert.Equal("denied", entry.GetProperty("outcome").GetString());
        Assert.Equal($"runbook:{ApiRequests.SelfCheckSlug}", entry.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task StartRun_OnCallKey_Returns201WithTheRun()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var response = await ApiRequests.StartRunAsync(oncall);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiRequests.SelfCheckSlug, run.GetProperty("runbookSlug").GetString());
        Assert.Equal($"/api/runs/{run.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GetAdminUsersPage_SignedInOnCall_ShowsAccessDeniedNotUsers()
    {
        using var oncall = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall", followRedirects: true);

        using var response = await oncall.GetAsync("/admin/users");

        var page = await HostClients.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-testid=access-denied]"));
        Assert.Null(page.QuerySelector("[data-testid=new-user-name]"));
        Assert.DoesNotContain("Ada Admin", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAdminUsersPage_SignedInAdmin_ShowsUsers()
    {
        using var admin = await HostClients.SignedInClientAsync(host, "admin", ConsoleHost.AdminPassword, followRedirects: true);

        using var response = await admin.GetAsync("/admin/users");

        var page = await HostClients.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-testid=new-user-name]"));
        Assert.Null(page.QuerySelector("[data-testid=access-denied]"));
    }
}
