using System.Net;
using System.Net.Http.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runs;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Outbound;

/// <summary>Runbook probes at non-public destinations: refused before connecting and recorded, until an Admin allows them.</summary>
public sealed class OutboundProbeTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task RunProbe_LoopbackAliasNotAllowed_RefusedAndRecordedWithoutConnecting()
    {
        using var target = new LoopbackTarget("127.0.0.3");

        var result = await ProbeAsync($"http://127.0.0.3:{target.Port}/status");

        Assert.False(result.Passed);
        Assert.Null(result.StatusCode);
        Assert.StartsWith("refused:", result.Summary, StringComparison.Ordinal);
        Assert.Contains("loopback", result.Summary, StringComparison.Ordinal);
        Assert.False(target.Connected);
    }

    [Fact]
    public async Task RunProbe_NameResolvingToLoopback_RefusedWithoutConnecting()
    {
        using var target = new LoopbackTarget("127.0.0.1");

        var result = await ProbeAsync($"http://localhost:{target.Port}/status");

        Assert.StartsWith("refused:", result.Summary, StringComparison.Ordinal);
        Assert.False(target.Connected);
    }

    [Fact]
    public async Task RunProbe_AfterAdminAllowsTheAddress_ReachesTheTarget()
    {
        using var target = new LoopbackTarget("127.0.0.2");
        target.Serve();
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var allowed = await admin.PostAsJsonAsync("/api/outbound", new { target = "127.0.0.2", note = "test target" });
        var result = await ProbeAsync($"http://127.0.0.2:{target.Port}/status");

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.True(result.Passed, result.Summary);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task RunProbe_SelfCheckRunbook_ReachesTheConsoleItself()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var run = await ApiRequests.StartRunOkAsync(oncall);
        var probeStep = run.Steps.First(s => s.Definition.Probe is not null).StepId;

        using var response = await oncall.PostAsync($"/api/runs/{run.Id}/steps/{probeStep}/probe", null);
        var result = await ConsoleHost.ReadAsync<ProbeResult>(response);

        Assert.True(result.Passed, result.Summary);
    }

    [Fact]
    public async Task GetRun_ProbeExcerpt_ShownToOperatorsHiddenFromViewers()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        var run = await ApiRequests.StartRunOkAsync(oncall);
        var probeStep = run.Steps.First(s => s.Definition.Probe is not null).StepId;
        (await oncall.PostAsync($"/api/runs/{run.Id}/steps/{probeStep}/probe", null)).Dispose();

        var seenByOnCall = await oncall.GetFromJsonAsync<RunbookRun>($"/api/runs/{run.Id}", ConsoleHost.ApiJson);
        var seenByViewer = await viewer.GetFromJsonAsync<RunbookRun>($"/api/runs/{run.Id}", ConsoleHost.ApiJson);

        Assert.NotNull(seenByOnCall!.Step(probeStep).ProbeResults.Single().BodyExcerpt);
        var hidden = seenByViewer!.Step(probeStep).ProbeResults.Single();
        Assert.Null(hidden.BodyExcerpt);
        Assert.True(hidden.Passed, hidden.Summary);
    }

    [Fact]
    public async Task PostOutbound_OnCall_Forbidden()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var response = await oncall.PostAsJsonAsync("/api/outbound", new { target = "10.0.0.0/8" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostOutbound_NotAnAddressOrName_400NamingTarget()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var response = await admin.PostAsJsonAsync("/api/outbound", new { target = "http://10.0.0.1/" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"target\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<ProbeResult> ProbeAsync(string url)
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        var slug = $"probe-{Guid.NewGuid():N}"[..16];
        using var imported = await ApiRequests.ImportAsync(admin, $"{slug}.md", $"""
            ---
            title: {slug}
            priority: P3
            ---

            # {slug}

            ## Steps

            1. Look at the target.

            ```probe
            GET {url}
            expect 200
            timeout 3000
            ```
            """);
        imported.EnsureSuccessStatusCode();
        var run = await ApiRequests.StartRunOkAsync(admin, slug);
        var probeStep = run.Steps.Single(s => s.Definition.Probe is not null).StepId;
        using var response = await admin.PostAsync($"/api/runs/{run.Id}/steps/{probeStep}/probe", null);
        response.EnsureSuccessStatusCode();
        var result = await ConsoleHost.ReadAsync<ProbeResult>(response);
        var recorded = await admin.GetFromJsonAsync<RunbookRun>($"/api/runs/{run.Id}", ConsoleHost.ApiJson);
        Assert.Equal(result.Summary, recorded!.Step(probeStep).ProbeResults.Single().Summary);
        return result;
    }
}
