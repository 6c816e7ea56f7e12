using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

/// <summary>In lockdown every management action is refused (423 in the API) and the listed operational ones still work.</summary>
public sealed class LockdownRefusalTests : IAsyncLifetime
{
    private LockdownScene _scene = null!;

    public async Task InitializeAsync()
    {
        _scene = await LockdownScene.CreateAsync();
        await _scene.EngageAsync();
    }

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string> ManagementActions =>
    [
        "runbook.import", "kill-switch.flip", "kill-switch.drill", "kill-switch.create", "kill-switch.edit",
        "user.create", "user.set-roles", "api-key.create", "guarded.policy.set", "lockdown.settings",
    ];

    [Theory]
    [MemberData(nameof(ManagementActions))]
    public async Task ManagementAction_InLockdown_RefusedWithWhoWhenWhyAndLedgeredAsDenied(string action)
    {
        var before = Fingerprint();

        var refused = await Assert.ThrowsAsync<LockedDownException>(() => Run(action));

        Assert.Contains("emergency lockdown since 2025-03-01 09:00:00 UTC by Omar On-call: bad pack spreading, halt everything. Release it first.", refused.Message, StringComparison.Ordinal);
        var entry = _scene.Store.Ledger[^1];
        Assert.Equal((action, LedgerOutcome.Denied), (entry.Action, entry.Outcome));
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task FlipTowardSafe_InLockdown_AllowedWithEvidence()
    {
        var flip = await _scene.Store.KillSwitches.FlipAsync(TestActors.Olga, LockdownScene.Plain, null, on: true, "contain the AI lane too");

        Assert.True(flip.Switch.On);
        Assert.True(flip.Switch.ValidationPending);
        Assert.Equal(("kill-switch.flip", LedgerOutcome.Allowed), (_scene.Store.Ledger[^1].Action, _scene.Store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task OperationalActions_InLockdown_StillWork()
    {
        var store = _scene.Store;
        var incident = _scene.Incident.Id;
        var before = store.Ledger.Count;

        await store.KillSwitches.FlipAsync(TestActors.Omar, LockdownScene.Plain, null, on: true, "contain the AI lane");
        await store.KillSwitches.RecordValidationAsync(TestActors.Omar, LockdownScene.Plain, null, "AI lane quiet");
        await store.Incidents.AddNoteAsync(TestActors.Omar, incident, "holding until the pack is replaced");
        await store.Incidents.RecordDecisionAsync(TestActors.Ines, incident, "keep the lockdown", "pack still live");
        await store.Incidents.MoveAsync(TestActors.Omar, incident, IncidentStatus.Acknowledged);
        var draft = store.Incidents.Prefill(TestActors.Omar, incident);
        draft.FailureMode = "bad pack served";
        draft.ContainmentAction = "emergency lockdown";
        draft.VerificationResult = "pending";
        draft.FollowUp = "replace the pack";
        await store.Incidents.RecordEvidenceAsync(TestActors.Omar, incident, draft);
        await store.Evidence.PreserveAsync(TestActors.Omar, incident);
        await store.FailureStatus.ReportAsync(TestActors.Omar, new("FAIL_CLOSED", "publish path halted", null, incident));

        Assert.Equal(IncidentStatus.Acknowledged, store.Incidents.Get(incident)!.Status);
        Assert.Equal("FAIL_CLOSED", store.FailureStatus.Current().Mode);
        Assert.DoesNotContain(store.Ledger.Skip(before), e => e.Outcome == LedgerOutcome.Denied);
    }

    // Everything a refused management action could have touched, as one comparable string.
    private string Fingerprint() => _scene.Store.Store.Read(s => string.Join('|',
        s.Runbooks.Latest().Count,
        string.Join(',', s.KillSwitches.All().Select(k => $"{k.Id}:{k.On}:{k.Version}:{k.Description}:{k.Tested}")),
        s.Users.All().Count,
        string.Join(',', s.Users.All().Select(u => $"{u.Id}:{u.Roles}")),
        s.ApiKeys.All().Count,
        s.GuardedActions.PolicyOverrides().Count,
        s.Lockdown.Settings().AlertWebhookUrl));

    private Task Run(string action)
    {
        var store = _scene.Store;
        return action switch
        {
            "runbook.import" => store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill()),
            "kill-switch.flip" => store.KillSwitches.FlipAsync(TestActors.Omar, LockdownScene.Protective, null, on: false, "resume publishing"),
            "kill-switch.drill" => store.KillSwitches.DrillAsync(TestActors.Omar, LockdownScene.Plain, null, "monthly drill"),
            "kill-switch.create" => store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("new-switch", null, "new", false)),
            "kill-switch.edit" => store.KillSwitches.EditAsync(TestActors.Admin, LockdownScene.Plain, null, "edited", defaultOn: true),
            "user.create" => store.Users.CreateAsync(TestActors.Admin, "newbie", "New Bie", "correct horse battery staple", Role.Viewer),
            "user.set-roles" => store.Users.SetRolesAsync(TestActors.Admin, "omar", Role.Admin),
            "api-key.create" => store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner),
            "guarded.policy.set" => store.GuardedActions.SetFourEyesAsync(TestActors.Admin, GuardedActionTypes.ReleaseLockdown, fourEyes: false),
            "lockdown.settings" => _scene.Lockdown.SetAlertWebhookAsync(TestActors.Admin, "https://alerts.example.org/hook"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
