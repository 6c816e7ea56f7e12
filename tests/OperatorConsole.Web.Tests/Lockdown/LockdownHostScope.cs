using System.Net.Http.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Lockdown;

/// <summary>Helpers for tests that share one host: engage over the API, and leave the console released for the next test.</summary>
public static class LockdownHostScope
{
    public static async Task<HttpResponseMessage> EngageAsync(HttpClient client, string reason = "bad pack spreading") =>
        await client.PostAsJsonAsync("/api/lockdown", new { reason });

    /// <summary>Releases any active lockdown through Core with the two demo on-call people (four-eyes).</summary>
    public static async Task ReleaseIfActiveAsync(ConsoleHost host)
    {
        var lockdown = host.Service<LockdownService>();
        if (lockdown.Active() is null)
        {
            return;
        }

        var users = host.Service<UserService>();
        var request = await lockdown.RequestReleaseAsync(users.Find("oncall")!.ToActor(), "test clean-up");
        await lockdown.ConfirmReleaseAsync(users.Find("oncall2")!.ToActor(), request.Token);
    }

    public static Actor OnCall(ConsoleHost host) => host.Service<UserService>().Find("oncall")!.ToActor();
}
