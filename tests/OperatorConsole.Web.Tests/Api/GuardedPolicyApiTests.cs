using System.Net;
using System.Net.Http.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Api;

/// <summary>Four-eyes per guarded action type, set by an Admin over the API and obeyed by the next request.</summary>
public sealed class GuardedPolicyApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Path = "/api/guarded-actions/policies";

    [Fact]
    public async Task Policies_ListEveryGuardedTypeWithRolesLifetimeAndFourEyes()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var policies = await viewer.GetFromJsonAsync<List<Policy>>(Path);

        Assert.Equal(
            [GuardedActionTypes.DisableProtectiveSwitch, GuardedActionTypes.ReleaseLockdown, GuardedActionTypes.ResetFailureStatus, GuardedActionTypes.ScopeRebind],
            policies!.Select(p => p.ActionType));
        Assert.Contains(policies!, p => p is { ActionType: GuardedActionTypes.ReleaseLockdown, FourEyes: true, LifetimeSeconds: 120 });
    }

    [Fact]
    public async Task SetFourEyes_ByAdmin_TheNextRequestNeedsASecondPerson()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var set = await admin.PutAsJsonAsync($"{Path}/{GuardedActionTypes.ResetFailureStatus}", new { fourEyes = true });
        var policy = await ConsoleHost.ReadAsync<Policy>(set);
        var request = await host.Service<GuardedActionService>().RequestAsync(Actor.System, GuardedActionTypes.ResetFailureStatus, "console", null);
        using var back = await admin.PutAsJsonAsync($"{Path}/{GuardedActionTypes.ResetFailureStatus}", new { fourEyes = false });

        Assert.True(policy.FourEyes);
        Assert.True(request.FourEyes);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Theory]
    [InlineData(Role.OnCall, "release-lockdown", "{\"fourEyes\":false}", HttpStatusCode.Forbidden)]
    [InlineData(Role.Admin, "self-destruct", "{\"fourEyes\":true}", HttpStatusCode.BadRequest)]
    [InlineData(Role.Admin, "release-lockdown", "{}", HttpStatusCode.BadRequest)]
    public async Task SetFourEyes_BadCallerTypeOrBody_RefusedAndUnchanged(Role role, string type, string body, HttpStatusCode expected)
    {
        using var client = await host.ApiClientAsync(role);

        using var response = await client.PutAsync($"{Path}/{type}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(host.Service<GuardedActionService>().Policies().Single(p => p.ActionType == GuardedActionTypes.ReleaseLockdown).FourEyes);
    }

    private sealed record Policy(string ActionType, List<string> RequiredRoles, bool FourEyes, int LifetimeSeconds);
}
