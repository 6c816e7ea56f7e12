using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Scopes;

public sealed class ScopeApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Active_WithoutApiKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/api/scopes/porto/active");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Active_SeededPortoWithViewerKey_ReturnsBadActiveAndLastKnownGoodWithETag()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/scopes/porto/active");

        response.EnsureSuccessStatusCode();
        var active = await ConsoleHost.ReadAsync<ActiveManifest>(response);
        Assert.Equal(("porto-2026.11.22", "porto-2026.11.18"), (active.Active.Id, active.LastKnownGood!.Id));
        Assert.Equal($"\"b{active.Version}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Active_SameETagSentBack_Returns304UntilARebind()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);
        using var first = await release.GetAsync($"/api/scopes/{scope}/active");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/scopes/{scope}/active");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await release.SendAsync(again);
        (await ScopeApi.RebindAsync(release, scope, $"{scope}-v1")).EnsureSuccessStatusCode();
        using var afterRebind = new HttpRequestMessage(HttpMethod.Get, $"/api/scopes/{scope}/active");
        afterRebind.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var changed = await release.SendAsync(afterRebind);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal($"{scope}-v1", (await ConsoleHost.ReadAsync<ActiveManifest>(changed)).Active.Id);
    }

    [Fact]
    public async Task Rebind_TwoStepRoundTrip_PreviousActiveBecomesLastKnownGoodAndHistoryNamesTheKey()
    {
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);

        var request = await ScopeApi.RequestAsync(onCall, scope, $"{scope}-v1");
        using var confirmed = await onCall.PostAsJsonAsync($"/api/scopes/{scope}/rebind", new { manifestId = $"{scope}-v1", token = request.Token, reason = "bad publish" });

        confirmed.EnsureSuccessStatusCode();
        var result = await ConsoleHost.ReadAsync<RebindResult>(confirmed);
        Assert.Equal(($"{scope}-v1", $"{scope}-v2"), (result.Active.Id, result.PreviousActive!.Id));
        var detail = await release.GetFromJsonAsync<ScopeDetail>($"/api/scopes/{scope}", ConsoleHost.ApiJson);
        Assert.Equal("bad publish", detail!.Scope.History[^1].Reason);
        Assert.Equal(3, detail.Scope.History.Count);
    }

    [Fact]
    public async Task Rebind_TokenReplayed_409AndNothingChanges()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);
        var request = await ScopeApi.RequestAsync(release, scope, $"{scope}-v1");
        var body = new { manifestId = $"{scope}-v1", token = request.Token, reason = "once" };
        (await release.PostAsJsonAsync($"/api/scopes/{scope}/rebind", body)).EnsureSuccessStatusCode();
        (await ScopeApi.RebindAsync(release, scope, $"{scope}-v2")).EnsureSuccessStatusCode();

        using var replay = await release.PostAsJsonAsync($"/api/scopes/{scope}/rebind", body);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{scope}-v2", (await release.GetFromJsonAsync<ActiveManifest>($"/api/scopes/{scope}/active", ConsoleHost.ApiJson))!.Active.Id);
    }

    [Fact]
    public async Task Rebind_TokenOfAnotherKey_403()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        using var other = await host.ApiClientAsync(Role.OnCall);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);
        var request = await ScopeApi.RequestAsync(release, scope, $"{scope}-v1");

        using var foreign = await other.PostAsJsonAsync($"/api/scopes/{scope}/rebind", new { manifestId = $"{scope}-v1", token = request.Token, reason = "not mine" });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task Rebind_UnknownTokenScopeOrManifest_ClearErrors()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);

        using var unknownToken = await release.PostAsJsonAsync($"/api/scopes/{scope}/rebind", new { manifestId = $"{scope}-v1", token = "nope", reason = "x" });
        using var unknownScope = await release.PostAsJsonAsync("/api/scopes/nowhere/rebind/request", new { manifestId = "x" });
        using var unknownManifest = await release.PostAsJsonAsync($"/api/scopes/{scope}/rebind/request", new { manifestId = $"{scope}-v9" });

        Assert.Equal(HttpStatusCode.Conflict, unknownToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownScope.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownManifest.StatusCode);
    }

    [Fact]
    public async Task Active_UnknownScope_404ProblemJson()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/scopes/lisbon/active");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rebind_NoReason_400AndTheTokenStillWorks()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);
        var request = await ScopeApi.RequestAsync(release, scope, $"{scope}-v1");

        using var refused = await release.PostAsJsonAsync($"/api/scopes/{scope}/rebind", new { manifestId = $"{scope}-v1", token = request.Token, reason = "" });
        using var accepted = await release.PostAsJsonAsync($"/api/scopes/{scope}/rebind", new { manifestId = $"{scope}-v1", token = request.Token, reason = "with a reason" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("reason", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Rebind_ViewerKey_403()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.PostAsJsonAsync("/api/scopes/porto/rebind/request", new { manifestId = "porto-2026.11.18" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RegisterManifest_BadChecksumFormat_400NamingTheField()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);

        using var response = await release.PostAsJsonAsync($"/api/scopes/{scope}/manifests", new ManifestInput(
            $"{scope}-v3", "v3", new string('A', 64), new string('a', 64), null, null, null, [1], [2], null, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("manifestChecksum", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoResolver_AfterRebind_ServesTheNewActiveAndItsPack()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var before = await anonymous.GetStringAsync($"/demo/resolver/{scope}");

        (await ScopeApi.RebindAsync(release, scope, $"{scope}-v1")).EnsureSuccessStatusCode();
        var after = await anonymous.GetStringAsync($"/demo/resolver/{scope}");
        var pack = await anonymous.GetByteArrayAsync($"/demo/resolver/{scope}/pack");
        var rules = await anonymous.GetStringAsync($"/demo/rules/{scope}");

        Assert.Contains($"{scope}-v2", before, StringComparison.Ordinal);
        Assert.Contains($"{scope}-v1", after, StringComparison.Ordinal);
        Assert.Contains("demo resolver", after, StringComparison.Ordinal);
        Assert.Equal(host.Service<ScopeService>().Active(scope).Active.PackChecksum, Checksums.Sha256(pack));
        Assert.Contains("\"ruleCount\":1", rules, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoRules_SeededBadPortoPack_502()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/demo/rules/baseline");
        using var bad = await anonymous.GetAsync("/demo/rules/porto");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, bad.StatusCode);
    }

    [Fact]
    public async Task Hub_SubscribedToScope_SeesTheRebindAtOnce()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await ScopeApi.CreateBoundScopeAsync(release);
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveEvent>("event", e => received.TrySetResult(e));
        await hub.InvokeAsync("Subscribe", Topics.Scope(scope));
        var start = await hub.InvokeAsync<ActiveManifest>("GetActiveManifest", scope);

        (await ScopeApi.RebindAsync(release, scope, $"{scope}-v1")).EnsureSuccessStatusCode();

        var e = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal($"{scope}-v2", start.Active.Id);
        Assert.Equal(("scope.rebound", scope), (e.Kind, e.Subject));
        Assert.Contains($"{scope}-v1", e.Summary, StringComparison.Ordinal);
    }
}
