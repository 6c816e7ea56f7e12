namespace OperatorConsole.Core.Sessions;

/// <summary>A browser sign-in. The cookie carries only its id, so ending it here ends every copy of that cookie.</summary>
public sealed record SignInSession(string Id, string UserId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Address);

public interface ISignInSessionRepository
{
    SignInSession? Get(string id);

    void Upsert(SignInSession session);

    /// <summary>Forgets sessions started before <paramref name="before"/>: their cookies have expired anyway.</summary>
    void DeleteStartedBefore(DateTimeOffset before);
}

/// <summary>The ledger actions of signing in and out.</summary>
public static class SessionActions
{
    public const string SignIn = "user.sign-in";
    public const string SignInFailures = "user.sign-in.failures";
    public const string SignOut = "user.sign-out";
}
