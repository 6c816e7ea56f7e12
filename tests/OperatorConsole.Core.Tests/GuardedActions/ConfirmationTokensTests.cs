using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;

namespace OperatorConsole.Core.Tests.GuardedActions;

public sealed class ConfirmationTokensTests
{
    [Fact]
    public void NewToken_Always_Is256BitBase64Url()
    {
        var token = ConfirmationTokens.NewToken();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(token).Length);
    }

    [Fact]
    public void NewToken_ManyCalls_NeverRepeat()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ConfirmationTokens.NewToken()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, tokens.Count);
    }

    [Fact]
    public void Hash_Token_IsLowercaseSha256HexAndNotTheToken()
    {
        var token = ConfirmationTokens.NewToken();

        var hash = ConfirmationTokens.Hash(token);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ConfirmationTokens.Hash(token));
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
    }

    [Fact]
    public void HashParameters_EqualRecords_SameHash()
    {
        Assert.Equal(
            ConfirmationTokens.HashParameters(new Release("console", "fixed", 3)),
            ConfirmationTokens.HashParameters(new Release("console", "fixed", 3)));
    }

    [Fact]
    public void HashParameters_KnownValue_StableAcrossRuns()
    {
        // SHA-256 of {"Target":"console","Reason":"fixed","Attempt":3}; a change here breaks tokens in flight.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("""{"Target":"console","Reason":"fixed","Attempt":3}""")));

        Assert.Equal(expected, ConfirmationTokens.HashParameters(new Release("console", "fixed", 3)));
    }

    [Fact]
    public void HashParameters_AnyFieldChanged_DifferentHash()
    {
        var original = ConfirmationTokens.HashParameters(new Release("console", "fixed", 3));

        Assert.NotEqual(original, ConfirmationTokens.HashParameters(new Release("console", "fixed", 4)));
        Assert.NotEqual(original, ConfirmationTokens.HashParameters(new Release("console", "Fixed", 3)));
        Assert.NotEqual(original, ConfirmationTokens.HashParameters(null));
    }

    [Fact]
    public void HashParameters_PassedAsObject_HashesRuntimeType()
    {
        object boxed = new Release("console", "fixed", 3);

        Assert.Equal(ConfirmationTokens.HashParameters(new Release("console", "fixed", 3)), ConfirmationTokens.HashParameters(boxed));
        Assert.NotEqual(ConfirmationTokens.HashParameters(new object()), ConfirmationTokens.HashParameters(boxed));
    }

    private sealed record Release(string Target, string Reason, int Attempt);
}

public sealed class GuardedActionPoliciesTests
{
    [Fact]
    public void Defaults_FourEyesOnlyForReleaseLockdown_TwoMinutes()
    {
        var policies = new GuardedActionPolicies();

        Assert.Equal(
            [GuardedActionTypes.DisableProtectiveSwitch, GuardedActionTypes.ReleaseLockdown,
                GuardedActionTypes.ResetFailureStatus, GuardedActionTypes.ScopeRebind],
            policies.Configured.Select(p => p.ActionType));
        Assert.Equal([GuardedActionTypes.ReleaseLockdown], policies.Configured.Where(p => p.FourEyes).Select(p => p.ActionType));
        Assert.All(policies.Configured, p => Assert.Equal(TimeSpan.FromMinutes(2), p.Lifetime));
    }

    [Fact]
    public void Constructor_ConfiguredLifetime_ReplacesDefaultOfThatTypeOnly()
    {
        var policies = new GuardedActionPolicies(
            [new GuardedActionPolicy(GuardedActionTypes.ScopeRebind, Role.ReleaseOwner, false, TimeSpan.FromSeconds(45))]);

        Assert.Equal(TimeSpan.FromSeconds(45), policies.Get(GuardedActionTypes.ScopeRebind).Lifetime);
        Assert.Equal(TimeSpan.FromMinutes(2), policies.Get(GuardedActionTypes.ReleaseLockdown).Lifetime);
    }

    [Fact]
    public void Constructor_NonPositiveLifetime_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GuardedActionPolicies(
            [new GuardedActionPolicy(GuardedActionTypes.ScopeRebind, Role.ReleaseOwner, false, TimeSpan.Zero)]));
    }

    [Fact]
    public void Get_UnknownType_ValidationErrorListsKnownTypes()
    {
        var ex = Assert.Throws<DomainValidationException>(() => new GuardedActionPolicies().Get("launch"));

        Assert.Contains(GuardedActionTypes.ReleaseLockdown, ex.Message, StringComparison.Ordinal);
    }
}
