using System.Security.Cryptography;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Sessions;

/// <summary>
/// Server-side sessions for browser sign-ins and the check every request, circuit and hub connection repeats: is this
/// person or key still allowed in, and with which roles now? A copied cookie stops working once its session ended.
/// </summary>
public sealed class SessionService(ChangeRunner changes)
{
    /// <summary>As long as the sign-in cookie lives; older sessions are forgotten.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private const string ApiKeyActorPrefix = "apikey:";

    public async Task<SignInSession> StartAsync(Actor actor, string? address)
    {
        var session = new SignInSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), actor.Id, changes.Now, null, address);
        await changes.RunAsync(actor, c =>
        {
            c.Session.SignInSessions.DeleteStartedBefore(c.Now - Lifetime);
            c.Session.SignInSessions.Upsert(session with { StartedAt = c.Now });
            return true;
        });
        return session;
    }

    /// <summary>Sign-out: the session ends for every copy of its cookie. Unknown or ended sessions are left alone.</summary>
    public async Task EndAsync(Actor actor, string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }

        await changes.RunAsync(actor, c =>
        {
            var session = c.Session.SignInSessions.Get(sessionId);
            if (session is null || session.EndedAt is not null || session.UserId != actor.Id)
            {
                return false;
            }

            c.Session.SignInSessions.Upsert(session with { EndedAt = c.Now });
            c.Record(SessionActions.SignOut, $"user:{actor.Id}", new { });
            return true;
        });
    }

    /// <summary>
    /// The actor as the store knows it now, or null when the key was revoked, the user removed or disabled, or the
    /// browser session ended or expired. Roles may differ from those presented: they changed since.
    /// </summary>
    public Actor? Current(Actor presented, string? sessionId) => changes.Store.Read(s =>
    {
        if (presented.Id.StartsWith(ApiKeyActorPrefix, StringComparison.Ordinal))
        {
            var key = s.ApiKeys.Get(presented.Id[ApiKeyActorPrefix.Length..]);
            return key is { RevokedAt: null } ? key.ToActor() : null;
        }

        var user = s.Users.Get(presented.Id);
        var session = sessionId is null ? null : s.SignInSessions.Get(sessionId);
        var live = session is { EndedAt: null } && session.UserId == presented.Id && session.StartedAt + Lifetime > changes.Now;
        return user is { Disabled: false } && live ? user.ToActor() : null;
    });
}
