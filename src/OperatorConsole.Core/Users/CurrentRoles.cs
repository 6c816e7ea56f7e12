using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Users;

/// <summary>The roles an actor holds as stored now, which may differ from those in its sign-in cookie.</summary>
internal static class CurrentRoles
{
    /// <summary>
    /// A revoked or unknown API key and a disabled user hold none. An actor with no user record keeps the roles it
    /// carries: that is the console itself (<see cref="Actor.System"/>) or an in-process caller; a signed-in person's
    /// cookie is refused by the web layer once the user record is gone, and users and keys are never deleted.
    /// </summary>
    public static Role Of(IStoreSession session, Actor actor)
    {
        if (actor.Id.StartsWith(ApiKey.ActorIdPrefix, StringComparison.Ordinal))
        {
            var key = session.ApiKeys.Get(actor.Id[ApiKey.ActorIdPrefix.Length..]);
            return key is { RevokedAt: null } ? key.Roles : Role.None;
        }

        var user = session.Users.Get(actor.Id);
        return user is null ? actor.Roles : user.Disabled ? Role.None : user.Roles;
    }
}
