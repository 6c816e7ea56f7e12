using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.GuardedActions;

public sealed class GuardedActionServiceTests : IDisposable
{
    private const string Reset = GuardedActionTypes.ResetFailureStatus;
    private const string Release = GuardedActionTypes.ReleaseLockdown;
    private static readonly ResetParameters Params = new("incident-42", "root cause fixed");

    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store;

    public GuardedActionServiceTests() => _store = new TestStore(_clock);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Confirm_RequesterWithinLifetime_ReturnsWhoAndWhen()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        _clock.Now += TimeSpan.FromSeconds(30);

        var confirmation = await _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params);

        Assert.Equal(request.RequestId, confirmation.RequestId);
        Assert.Equal(("omar", "omar"), (confirmation.RequestedBy, confirmation.ConfirmedBy));
        Assert.Equal(_clock.Now - TimeSpan.FromSeconds(30), confirmation.RequestedAt);
        Assert.Equal(_clock.Now, confirmation.ConfirmedAt);
        Assert.False(confirmation.FourEyes);
        var confirmed = _store.Ledger[^1];
        Assert.Equal((GuardedActionService.ConfirmAction, LedgerOutcome.Allowed), (confirmed.Action, confirmed.Outcome));
    }

    [Fact]
    public async Task Request_Default_ExpiresAfterTwoMinutesAndIsLedgeredWithoutToken()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(2), request.ExpiresAt);
        var entry = _store.Ledger[^1];
        Assert.Equal((GuardedActionService.RequestAction, LedgerOutcome.Allowed, "omar"), (entry.Action, entry.Outcome, entry.Actor));
        Assert.Contains(request.RequestId, entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(_store.Ledger, e => e.Payload.Contains(request.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_Replayed_RefusedAsAlreadyUsed()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        await _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params);

        await AssertRefusedAsync<ConflictException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params), "already used");
    }

    [Fact]
    public async Task Confirm_AtExpiry_Refused()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        _clock.Now += TimeSpan.FromMinutes(2);

        await AssertRefusedAsync<ConflictException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params), "expired");
    }

    [Fact]
    public async Task Request_ADayAfterAnExpiry_PurgesTheOldTokenWhichIsThenUnknown()
    {
        var old = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        _clock.Now += TimeSpan.FromMinutes(2) + GuardedActionService.ExpiredTokensKeptFor + TimeSpan.FromSeconds(1);
        var recent = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        Assert.Null(_store.Store.Read(s => s.GuardedActions.Get(ConfirmationTokens.Hash(old.Token))));
        Assert.NotNull(_store.Store.Read(s => s.GuardedActions.Get(ConfirmationTokens.Hash(recent.Token))));
        await AssertRefusedAsync<ConflictException>(
            old.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, old.Token, Reset, "ai-core", Params), "unknown");
    }

    [Fact]
    public async Task Confirm_OneSecondBeforeExpiry_Works()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        _clock.Now += TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1);

        var confirmation = await _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params);

        Assert.Equal("omar", confirmation.ConfirmedBy);
    }

    [Fact]
    public async Task Confirm_LifetimeConfiguredPerType_ExpiresAtConfiguredLifetime()
    {
        _store.GuardedPolicies = new GuardedActionPolicies([new GuardedActionPolicy(Reset, Role.OnCall, false, TimeSpan.FromSeconds(30))]);
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        _clock.Now += TimeSpan.FromSeconds(30);

        Assert.Equal(_clock.Now, request.ExpiresAt);
        await AssertRefusedAsync<ConflictException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params), "expired");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Confirm_UnknownToken_Refused(string token)
    {
        await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        await AssertRefusedAsync<ConflictException>(
            null, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, token, Reset, "ai-core", Params), "unknown");
    }

    [Fact]
    public async Task Confirm_OtherPersonWithoutFourEyes_RefusedAsForeign()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        await AssertRefusedAsync<AccessDeniedException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Olga, request.Token, Reset, "ai-core", Params),
            "only the requester can confirm");
    }

    [Fact]
    public async Task Confirm_DifferentActionType_RefusedAsMismatch()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        await AssertRefusedAsync<ConflictException>(
            request.Token,
            () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, GuardedActionTypes.DisableProtectiveSwitch, "ai-core", Params),
            "was issued for reset-failure-status");
    }

    [Fact]
    public async Task Confirm_DifferentTarget_RefusedAsMismatch()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        await AssertRefusedAsync<ConflictException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "billing", Params), "not for");
    }

    [Fact]
    public async Task Confirm_ChangedParameters_RefusedAsParametersChanged()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        await AssertRefusedAsync<ConflictException>(
            request.Token,
            () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params with { Reason = "other" }),
            "the parameters changed after the request");
    }

    [Fact]
    public async Task Confirm_SelfApprovalUnderFourEyes_Refused()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Release, "console", Params);

        Assert.True(request.FourEyes);
        await AssertRefusedAsync<AccessDeniedException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Release, "console", Params),
            "you cannot approve your own request");
    }

    [Fact]
    public async Task Confirm_SecondPersonWithRoleUnderFourEyes_Works()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Release, "console", Params);

        var confirmation = await _store.GuardedActions.ConfirmAsync(TestActors.Olga, request.Token, Release, "console", Params);

        Assert.Equal(("omar", "Omar On-call", "olga", "Olga On-call"),
            (confirmation.RequestedBy, confirmation.RequestedByName, confirmation.ConfirmedBy, confirmation.ConfirmedByName));
        Assert.True(confirmation.FourEyes);
    }

    [Fact]
    public async Task Confirm_FourEyesConfirmerWithoutRole_Refused()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Release, "console", Params);

        await AssertRefusedAsync<AccessDeniedException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Viewer, request.Token, Release, "console", Params),
            "Only on-call engineers and incident owners can", "requires OnCall or IncidentOwner");
    }

    [Fact]
    public async Task Confirm_ViewerWithAnUnknownToken_RefusedForTheRoleBeforeTheToken()
    {
        await AssertRefusedAsync<AccessDeniedException>(
            null, () => _store.GuardedActions.ConfirmAsync(TestActors.Viewer, "not-a-token", Release, "console", Params),
            "Only on-call engineers and incident owners can", "requires OnCall or IncidentOwner");
    }

    [Fact]
    public async Task Request_WithoutRole_DeniedAndLedgered()
    {
        var before = _store.Ledger.Count;

        await Assert.ThrowsAsync<AccessDeniedException>(
            () => _store.GuardedActions.RequestAsync(TestActors.Viewer, Reset, "ai-core", Params));

        Assert.Equal(before + 1, _store.Ledger.Count);
        Assert.Equal((GuardedActionService.RequestAction, LedgerOutcome.Denied), (_store.Ledger[^1].Action, _store.Ledger[^1].Outcome));
    }

    [Theory]
    [InlineData("launch-missiles", "ai-core")]
    [InlineData(Reset, "")]
    [InlineData(Reset, "ai\ncore")]
    public async Task Request_BadInput_ValidationErrorAndNothingWritten(string actionType, string target)
    {
        await Assert.ThrowsAsync<DomainValidationException>(
            () => _store.GuardedActions.RequestAsync(TestActors.Omar, actionType, target, Params));

        Assert.Empty(_store.Ledger);
    }

#if !POSTGRESQL // LiteDB file specific: scans the data and log files
    [Fact]
    public async Task Request_RawToken_NeverInTheDatabaseFiles()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Release, "console", Params);
        await _store.GuardedActions.ConfirmAsync(TestActors.Olga, request.Token, Release, "console", Params);
        var tokenHash = ConfirmationTokens.Hash(request.Token);
        _store.Close();

        var logFile = Storage.Common.LiteConsoleStore.LogFileFor(_store.DataFile);
        var bytes = File.ReadAllBytes(_store.DataFile).Concat(File.Exists(logFile) ? File.ReadAllBytes(logFile) : []).ToArray();

        Assert.True(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(tokenHash)), "the scan must see what is stored");
        Assert.False(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(request.Token)));
    }
#endif

    [Fact]
    public async Task SetFourEyes_Admin_StoredLedgeredAndEnforced()
    {
        var policy = await _store.GuardedActions.SetFourEyesAsync(TestActors.Admin, Reset, fourEyes: true);
        _store.Reopen();

        Assert.True(policy.FourEyes);
        Assert.True(_store.GuardedActions.Policies().Single(p => p.ActionType == Reset).FourEyes);
        Assert.Equal((GuardedActionService.PolicyAction, LedgerOutcome.Allowed, "ada"),
            (_store.Ledger[^1].Action, _store.Ledger[^1].Outcome, _store.Ledger[^1].Actor));
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        await AssertRefusedAsync<AccessDeniedException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params),
            "you cannot approve your own request");
    }

    [Fact]
    public async Task SetFourEyes_AdminTurnsOffForLockdown_RequesterConfirmsAlone()
    {
        await _store.GuardedActions.SetFourEyesAsync(TestActors.Admin, Release, fourEyes: false);
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Release, "console", Params);

        var confirmation = await _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Release, "console", Params);

        Assert.False(confirmation.FourEyes);
    }

    [Fact]
    public async Task SetFourEyes_TurnedOnWhileTokenPending_SelfApprovalRefused()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        await _store.GuardedActions.SetFourEyesAsync(TestActors.Admin, Reset, fourEyes: true);

        await AssertRefusedAsync<AccessDeniedException>(
            request.Token, () => _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params),
            "you cannot approve your own request");
    }

    [Fact]
    public async Task SetFourEyes_NonAdmin_DeniedLedgeredAndUnchanged()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.GuardedActions.SetFourEyesAsync(TestActors.Omar, Release, fourEyes: false));

        Assert.Equal((GuardedActionService.PolicyAction, LedgerOutcome.Denied), (_store.Ledger[^1].Action, _store.Ledger[^1].Outcome));
        Assert.True(_store.GuardedActions.Policies().Single(p => p.ActionType == Release).FourEyes);
    }

    [Fact]
    public async Task RunGuarded_ActionSucceeds_ActionAndTokenUseCommitTogether()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        var result = await _store.GuardedActions.RunGuardedAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params,
            (c, confirmation) => c.Record("failure-status.reset", "ai-core", new { confirmation.RequestId }).Sequence);

        Assert.Equal(_store.Ledger[^1].Sequence, result);
        Assert.Equal(GuardedActionService.ConfirmAction, _store.Ledger[^2].Action);
        Assert.NotNull(Pending(request.Token)!.UsedAt);
    }

    [Fact]
    public async Task RunGuarded_ActionThrows_TokenStaysUnused()
    {
        var request = await _store.GuardedActions.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        var before = _store.Ledger.Count;

        await Assert.ThrowsAsync<ConflictException>(() => _store.GuardedActions.RunGuardedAsync<int>(
            TestActors.Omar, request.Token, Reset, "ai-core", Params, (_, _) => throw new ConflictException("the action failed")));

        Assert.Equal(before, _store.Ledger.Count);
        Assert.Null(Pending(request.Token)!.UsedAt);
        await _store.GuardedActions.ConfirmAsync(TestActors.Omar, request.Token, Reset, "ai-core", Params);
    }

    [Fact]
    public async Task Consume_InsideAnotherServicesChange_CommitsWithIt()
    {
        var guarded = _store.GuardedActions;
        var request = await guarded.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);

        var confirmation = await _store.Changes.RunAsync(TestActors.Omar, c =>
        {
            var consumed = guarded.Consume(c, request.Token, Reset, "ai-core", Params);
            c.Record("failure-status.reset", "ai-core", new { consumed.RequestId });
            return consumed;
        });

        Assert.Equal("omar", confirmation.ConfirmedBy);
        Assert.Equal(["guarded.request", "guarded.confirm", "failure-status.reset"], _store.Ledger.Select(e => e.Action));
    }

    [Fact]
    public async Task Consume_RefusedAfterTheCallerWrote_RollsThatBackAndCommitsOnlyTheDenial()
    {
        var guarded = _store.GuardedActions;
        var request = await guarded.RequestAsync(TestActors.Omar, Reset, "ai-core", Params);
        var before = _store.Ledger.Count;

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Changes.RunAsync(TestActors.Olga, c =>
        {
            c.Record("failure-status.reset", "ai-core", new { });
            return guarded.Consume(c, request.Token, Reset, "ai-core", Params);
        }));

        var denied = Assert.Single(_store.Ledger.Skip(before));
        Assert.Equal((GuardedActionService.ConfirmAction, LedgerOutcome.Denied), (denied.Action, denied.Outcome));
        Assert.Null(Pending(request.Token)!.UsedAt);
    }

    /// <summary>
    /// The refusal throws, adds exactly one 'denied' confirm entry, and leaves the token as it was. A role refusal reads
    /// as a sentence while its entry names the roles, so it passes <paramref name="payloadPart"/> too.
    /// </summary>
    private async Task AssertRefusedAsync<TException>(string? token, Func<Task> confirm, string messagePart, string? payloadPart = null)
        where TException : Exception
    {
        var pendingBefore = token is null ? null : Pending(token);
        var ledgerBefore = _store.Ledger.Count;

        var ex = await Assert.ThrowsAsync<TException>(confirm);

        Assert.Contains(messagePart, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ledgerBefore + 1, _store.Ledger.Count);
        var denied = _store.Ledger[^1];
        Assert.Equal((GuardedActionService.ConfirmAction, LedgerOutcome.Denied), (denied.Action, denied.Outcome));
        Assert.Contains(payloadPart ?? messagePart, denied.Payload, StringComparison.OrdinalIgnoreCase);
        if (token is not null)
        {
            Assert.Equal(pendingBefore, Pending(token));
        }
    }

    private PendingConfirmation? Pending(string token) =>
        _store.Store.Read(s => s.GuardedActions.Get(ConfirmationTokens.Hash(token)));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private sealed record ResetParameters(string IncidentId, string Reason);
}
