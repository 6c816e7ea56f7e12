using System.Net;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Lockdown;
using OperatorConsole.Web.Tests.Shared;
using static OperatorConsole.Web.Tests.Releases.ModelCommandClient;

namespace OperatorConsole.Web.Tests.Releases;

/// <summary>In lockdown promotion is a refused management action (423) while ROLLBACK_MODEL and HEARTBEAT keep working.</summary>
public sealed class ModelCommandsLockdownTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    public Task InitializeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    public Task DisposeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    [Fact]
    public async Task InLockdown_PromoteRefused423_HeartbeatShowsLockdown_RollbackStillWorks()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var scope = await NewSlotAsync(host);
        await ShadowedAsync(release, scope, "v2");
        (await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01", confirmation_token = await TokenAsync(await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01" })) }))
            .EnsureSuccessStatusCode();
        await ShadowedAsync(release, scope, "v3");
        (await LockdownHostScope.EngageAsync(oncall)).EnsureSuccessStatusCode();

        using var promote = await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01" });
        using var heartbeat = await SendAsync(oncall, new { type = "HEARTBEAT", scope });
        using var asked = await SendAsync(oncall, new { type = "ROLLBACK_MODEL", scope, operator_id = "Op-02" });
        using var rolledBack = await SendAsync(oncall, new { type = "ROLLBACK_MODEL", scope, operator_id = "Op-02", confirmation_token = await TokenAsync(asked) });

        Assert.Equal((HttpStatusCode)423, promote.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, promote.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(heartbeat)).GetProperty("lockdown").GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal($"{scope}-v1", host.Service<ScopeService>().Active(scope).Active.Id);
        Assert.Equal(ReleaseStage.RolledBack, host.Service<ReleaseService>().Find(scope, "v2").Stage);
        Assert.Equal(ReleaseStage.Candidate, host.Service<ReleaseService>().Find(scope, "v3").Stage);
    }
}
