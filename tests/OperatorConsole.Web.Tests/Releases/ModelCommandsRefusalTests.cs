using System.Net;
using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;
using static OperatorConsole.Web.Tests.Releases.ModelCommandClient;

namespace OperatorConsole.Web.Tests.Releases;

/// <summary>Bad model commands get a clear problem+json and change nothing.</summary>
public sealed class ModelCommandsRefusalTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.2)]
    public async Task SetCanaryRatio_OutsideZeroToOne_Returns400OnRatioAndNothingChanged(double ratio)
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);
        await ShadowedAsync(release, scope, "v2");
        var before = LedgerHead();

        using var response = await SendAsync(release, new { type = "SET_CANARY_RATIO", scope, ratio });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("0 to 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, LedgerHead());
        Assert.Equal(ReleaseStage.Candidate, host.Service<ReleaseService>().Find(scope, "v2").Stage);
    }

    [Theory]
    [InlineData("{\"type\":\"SET_CANARY_RATIO\",\"ratio\":\"high\"}", "'ratio' must be a number")]
    [InlineData("{\"type\":\"REGISTER_MODEL\"}", "metadata")]
    [InlineData("{\"type\":\"REGISTER_MODEL\",\"metadata\":{\"version\":\"bad version!\"}}", "version")]
    [InlineData("{\"type\":\"PROMOTE_CANDIDATE\"}", "operator_id")]
    [InlineData("{\"type\":\"ROLLBACK_MODEL\",\"confirmation_token\":\"x\"}", "operator_id")]
    [InlineData("{\"type\":\"HEARTBEAT\",\"cycles\":2.5}", "whole number")]
    public async Task ModelCommands_Malformed_Return400NamingTheFieldAndChangeNothing(string body, string expected)
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner | Role.OnCall);
        var before = LedgerHead();

        using var response = await release.PostAsync("/api/commands", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, LedgerHead());
    }

    [Fact]
    public async Task SetCandidate_UnknownVersion_Returns404NamingIt()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);

        using var response = await SendAsync(release, new { type = "SET_CANDIDATE_MODEL", scope, version = "M-Ghost" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("M-Ghost", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteCandidate_ReplayedToken_Returns409()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);
        await ShadowedAsync(release, scope, "v2");
        var token = await TokenAsync(await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01" }));
        (await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01", confirmation_token = token })).EnsureSuccessStatusCode();

        using var replayed = await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01", confirmation_token = token });

        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, replayed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PromoteCandidate_AnotherOperatorsToken_Returns403AndStaysCandidate()
    {
        using var first = await host.ApiClientAsync(Role.ReleaseOwner);
        using var second = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);
        await ShadowedAsync(first, scope, "v2");
        var token = await TokenAsync(await SendAsync(first, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01" }));

        using var foreign = await SendAsync(second, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-02", confirmation_token = token });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal($"{scope}-v1", host.Service<ScopeService>().Active(scope).Active.Id);
        Assert.Equal(ReleaseStage.Candidate, host.Service<ReleaseService>().Find(scope, "v2").Stage);
    }

    [Fact]
    public async Task PromoteCandidate_ForgedToken_Returns409()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);
        await ShadowedAsync(release, scope, "v2");

        using var forged = await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01", confirmation_token = "forged" });

        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.Equal($"{scope}-v1", host.Service<ScopeService>().Active(scope).Active.Id);
    }

    [Fact]
    public async Task RegisterModel_ByViewerKey_Returns403()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await SendAsync(viewer, new { type = "REGISTER_MODEL", metadata = new { version = "M-Sneaky" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(host.Service<ReleaseService>().List(), r => r.Version == "M-Sneaky");
    }

    private long LedgerHead() => host.Service<IConsoleStore>().Read(s => s.Ledger.Head())!.Sequence;
}
