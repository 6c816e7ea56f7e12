using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Users;

/// <summary>Role checks as the services apply them: a refusal throws, changes nothing and is itself in the ledger.</summary>
public sealed class RoleCheckTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task ImportRunbook_Viewer_DeniedAndNothingStored()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Runbooks.ImportAsync(TestActors.Viewer, "drill.md", TestRunbooks.Drill()));

        Assert.Empty(_store.Runbooks.List());
        AssertOnlyDenied("runbook.import", "runbook-file:drill.md");
    }

    [Fact]
    public async Task StartRun_Viewer_DeniedAndNoRun()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Runs.StartAsync(TestActors.Viewer, TestRunbooks.DrillSlug));

        Assert.Empty(_store.Runs.List());
        AssertHeadDenied("run.start", $"runbook:{TestRunbooks.DrillSlug}");
    }

    [Fact]
    public async Task CheckStep_Viewer_DeniedAndStepStaysOpen()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        var run = await _store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Runs.CheckStepAsync(TestActors.Viewer, run.Id, run.Steps[0].StepId));

        Assert.False(_store.Runs.Get(run.Id)!.Steps[0].IsDone);
        AssertHeadDenied("run.check-step", $"run:{run.Id}/{run.Steps[0].StepId}");
    }

    [Fact]
    public async Task CreateUser_Viewer_DeniedAndNoUser()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _store.Users.CreateAsync(TestActors.Viewer, "bob", "Bob", "long-enough", Role.Admin));

        Assert.Null(_store.Users.Find("bob"));
        AssertOnlyDenied("user.create", "user:bob");
    }

    [Fact]
    public async Task CreateUser_OnCall_DeniedBecauseItNeedsAdmin()
    {
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _store.Users.CreateAsync(TestActors.Omar, "bob", "Bob", "long-enough", Role.Viewer));

        Assert.Equal("Only admins can create users.", denied.Message);
    }

    [Fact]
    public async Task CreateApiKey_Viewer_DeniedAndNoKey()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.ApiKeys.CreateAsync(TestActors.Viewer, "deployer", Role.ReleaseOwner));

        Assert.Empty(_store.ApiKeys.List());
        AssertOnlyDenied("api-key.create", "api-key:deployer");
    }

    [Fact]
    public async Task StartRun_ViewerWithControlCharactersInSlug_StillDeniedAndRecorded()
    {
        // The slug comes straight from a request; a refusal must stay a refusal whatever it holds.
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Runs.StartAsync(TestActors.Viewer, "drill\n\u0007"));

        AssertOnlyDenied("run.start", "runbook:drill");
    }

    [Fact]
    public async Task ImportRunbook_Admin_Allowed()
    {
        var result = await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());

        Assert.Equal(1, result.Runbook.Version);
        Assert.Equal(LedgerOutcome.Allowed, _store.Audit.Head()!.Outcome);
    }

    [Fact]
    public async Task CreateUser_Admin_Allowed()
    {
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);

        Assert.NotNull(_store.Users.Find("bob"));
        Assert.Equal(("user.create", LedgerOutcome.Allowed), (_store.Audit.Head()!.Action, _store.Audit.Head()!.Outcome));
    }

    [Fact]
    public async Task StartRun_Admin_Allowed()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());

        var run = await _store.Runs.StartAsync(TestActors.Admin, TestRunbooks.DrillSlug);

        Assert.NotNull(_store.Runs.Get(run.Id));
    }

    [Fact]
    public async Task Denied_Attempt_PublishesTheLedgerEntryOnly()
    {
        using var watcher = _store.Broadcaster.Subscribe(Core.Live.Topics.All);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Runbooks.ImportAsync(TestActors.Viewer, "drill.md", TestRunbooks.Drill()));

        Assert.True(watcher.Reader.TryRead(out var only));
        Assert.Equal("ledger.appended", only.Kind);
        Assert.False(watcher.Reader.TryRead(out _));
    }

    private void AssertOnlyDenied(string action, string subject)
    {
        var entry = Assert.Single(_store.Ledger);
        Assert.Equal((TestActors.Viewer.Id, action, subject, LedgerOutcome.Denied), (entry.Actor, entry.Action, entry.Subject, entry.Outcome));
    }

    private void AssertHeadDenied(string action, string subject)
    {
        var head = _store.Audit.Head()!;
        Assert.Equal((TestActors.Viewer.Id, action, subject, LedgerOutcome.Denied), (head.Actor, head.Action, head.Subject, head.Outcome));
    }
}
