namespace OperatorConsole.Core.Sessions;

/// <summary>Limits on signing in ("SignIn" in settings).</summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";

    /// <summary>Failed sign-ins a user name may collect within <see cref="FailureWindow"/> before it is refused until the window ends.</summary>
    public int FailuresPerUser { get; set; } = 5;

    /// <summary>How long failures count, and the span one ledger entry aggregates per user name and address.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in posts one address may send in a burst; one more is allowed every <see cref="AddressRefill"/>.</summary>
    public int AttemptsPerAddress { get; set; } = 30;

    public TimeSpan AddressRefill { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>User-name/address pairs tracked at once; beyond it failures are counted together, so memory stays bounded.</summary>
    public int MaxTracked { get; set; } = 10_000;
}
