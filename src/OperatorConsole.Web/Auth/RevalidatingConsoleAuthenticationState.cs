using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Sessions;

namespace OperatorConsole.Web.Auth;

/// <summary>Settings of the periodic re-check of open circuits and hub connections ("Sessions").</summary>
public sealed class SessionCheckOptions
{
    public const string Section = "Sessions";

    /// <summary>How often an open circuit or hub connection re-checks its user, session or key.</summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// An open Blazor circuit re-checks its sign-in every few seconds: once the session ended, the user was disabled or the
/// roles changed, the circuit turns anonymous and the page sends the person to sign in again (with the roles they have now).
/// </summary>
public sealed class RevalidatingConsoleAuthenticationState(
    ILoggerFactory loggerFactory, SessionService sessions, IOptions<SessionCheckOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidateEvery;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Task.FromResult(true);
        }

        var current = sessions.Current(user);
        return Task.FromResult(current is not null && current.Matches(user));
    }
}
