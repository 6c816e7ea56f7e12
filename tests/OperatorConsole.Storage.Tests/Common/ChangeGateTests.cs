using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>
/// Gates are read in the transaction that commits the change. Each race is staged on the real store: a queued write
/// holds the single writer, the interfering change (a lockdown, a role change, a revocation) is queued next, and only
/// then is the refused call made — so the call begins before the interference commits, and its write comes after.
/// </summary>
public sealed class ChangeGateTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly ManualResetEventSlim _writerHeld = new();

    public void Dispose()
    {
        _writerHeld.Set();
        _store.Dispose();
        _writerHeld.Dispose();
    }

    [Fact]
    public async Task ImportRunbook_LockdownEngagedBeforeItsWriteCommits_RefusedAndOnlyTheDenialLedgered()
    {
        var held = HoldWriter();
        var engage = _store.Lockdown.EngageAsync(TestActors.Omar, "Suspected compromise");
        var import = _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        await ReleaseWriterAsync(held);
        var lockdown = await engage;

        await Assert.ThrowsAsync<LockedDownException>(() => import);

        Assert.Empty(_store.Runbooks.List());
        var denied = _store.Ledger[^1];
        Assert.Equal(("runbook.import", LedgerOutcome.Denied, TestActors.Admin.Id), (denied.Action, denied.Outcome, denied.Actor));
        Assert.Contains(lockdown.Id, denied.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_RoleRemovedBeforeItsWriteCommits_RefusedAndOnlyTheDenialLedgered()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob Builder", "long-enough", Role.OnCall);
        var signedIn = _store.Users.Find("bob")!.ToActor();

        var held = HoldWriter();
        var demote = _store.Users.SetRolesAsync(TestActors.Admin, "bob", Role.Viewer);
        var start = _store.Runs.StartAsync(signedIn, TestRunbooks.DrillSlug);
        await ReleaseWriterAsync(held);
        await demote;

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => start);

        Assert.Equal("Only on-call engineers, incident owners, release owners and admins can run a runbook.", refused.Message);
        Assert.Empty(_store.Runs.List());
        var denied = _store.Ledger[^1];
        Assert.Equal(("run.start", LedgerOutcome.Denied, "bob"), (denied.Action, denied.Outcome, denied.Actor));
    }

    [Fact]
    public async Task StartRun_ApiKeyRevokedBeforeItsWriteCommits_Refused()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "runner", Role.OnCall);
        var key = created.Key.ToActor();

        var held = HoldWriter();
        var revoke = _store.ApiKeys.RevokeAsync(TestActors.Admin, created.Key.Id);
        var start = _store.Runs.StartAsync(key, TestRunbooks.DrillSlug);
        await ReleaseWriterAsync(held);
        await revoke;

        await Assert.ThrowsAsync<AccessDeniedException>(() => start);

        Assert.Empty(_store.Runs.List());
        Assert.Equal(("run.start", LedgerOutcome.Denied, key.Id), (_store.Ledger[^1].Action, _store.Ledger[^1].Outcome, _store.Ledger[^1].Actor));
    }

    [Fact]
    public async Task StartRun_RolesGrantedSinceSignIn_Allowed()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob Builder", "long-enough", Role.Viewer);
        var signedInAsViewer = _store.Users.Find("bob")!.ToActor();
        await _store.Users.SetRolesAsync(TestActors.Admin, "bob", Role.OnCall);

        var run = await _store.Runs.StartAsync(signedInAsViewer, TestRunbooks.DrillSlug);

        Assert.Equal(run.Id, Assert.Single(_store.Runs.List()).Id);
    }

    [Fact]
    public async Task Refuse_AfterTheChangeWrote_RollsItBackCommitsTheDenialAndPublishesNothingElse()
    {
        using var users = _store.Broadcaster.Subscribe(Topics.Users);
        var before = _store.Ledger.Count;

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _store.Changes.RunAsync(TestActors.Admin, c =>
        {
            c.Session.Users.Upsert(new User { Id = "mallory", DisplayName = "Mallory", Roles = Role.Admin, PasswordHash = "x", CreatedAt = c.Now });
            c.Record("user.create", "user:mallory", new { });
            c.Publish(Topics.Users, "user.created", "mallory");
            c.Refuse("user.create", "user:mallory\u0007", new { reason = "test refusal" }, new ConflictException("refused after writing"));
            return true;
        }));

        Assert.Equal("refused after writing", refused.Message);
        Assert.Null(_store.Users.Find("mallory"));
        var denied = Assert.Single(_store.Ledger.Skip(before));
        Assert.Equal(("user.create", "user:mallory", LedgerOutcome.Denied), (denied.Action, denied.Subject, denied.Outcome));
        Assert.False(users.Reader.TryRead(out _));
    }

    /// <summary>Queues a write that keeps the single writer busy until <see cref="ReleaseWriterAsync"/>.</summary>
    private Task<bool> HoldWriter() => _store.Store.WriteAsync(_ =>
    {
        _writerHeld.Wait();
        return true;
    });

    private async Task ReleaseWriterAsync(Task<bool> held)
    {
        _writerHeld.Set();
        await held;
    }
}
