using OperatorConsole.Core.Common;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>The Permissions query over the real store, and that a write refuses with the very answer it gives.</summary>
public sealed class PermissionsTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Check_RoleHeld_Allowed()
    {
        var answer = _store.Permissions.Check(TestActors.Omar, LockdownActions.Engage);

        Assert.Equal(Permission.Granted, answer);
    }

    [Fact]
    public void Check_RoleMissing_RefusedWithTheRulesSentenceAndRoles()
    {
        var answer = _store.Permissions.Check(TestActors.Viewer, LockdownActions.Engage);

        Assert.Equal(new Permission(false, "Only on-call engineers can engage a lockdown.", Role.OnCall), answer);
    }

    [Fact]
    public async Task Check_LockdownGatedActionDuringLockdown_RefusedWithTheLockdownReason()
    {
        var lockdown = await _store.Lockdown.EngageAsync(TestActors.Omar, "Suspected compromise");

        var answer = _store.Permissions.Check(TestActors.Admin, RunbookActions.Import);

        Assert.False(answer.Allowed);
        Assert.Equal(LockdownMessages.Refusal(lockdown), answer.Reason);
    }

    [Fact]
    public async Task Check_UngatedActionDuringLockdown_StillAllowed()
    {
        await _store.Lockdown.EngageAsync(TestActors.Omar, "Suspected compromise");

        Assert.True(_store.Permissions.Check(TestActors.Omar, LockdownActions.Release).Allowed);
    }

    [Fact]
    public async Task Check_DisabledUser_RefusedWhateverTheRolesItCarries()
    {
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough-password", Role.OnCall);
        var bob = _store.Store.Read(s => s.Users.Get("bob"))!;
        await _store.Changes.RunAsync(Actor.System, c =>
        {
            c.Session.Users.Upsert(bob with { Disabled = true });
            return 0;
        });

        var answer = _store.Permissions.Check(new Actor(bob.Id, bob.DisplayName, Role.OnCall), LockdownActions.Engage);

        Assert.False(answer.Allowed);
    }

    [Fact]
    public void Check_UnknownAction_RefusedAsInput()
    {
        var refused = Assert.Throws<DomainValidationException>(() => _store.Permissions.Check(TestActors.Admin, "lockdown.engag"));

        Assert.Contains("lockdown.engag", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Require_RoleMissing_RefusesWithThePermissionsSentence()
    {
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Lockdown.EngageAsync(TestActors.Viewer, "Not mine to pull"));

        Assert.Equal(_store.Permissions.Check(TestActors.Viewer, LockdownActions.Engage).Reason, refused.Message);
    }

    [Fact]
    public void Rules_EveryDeclaredAction_HasOneSentenceNamingWhoCan()
    {
        Assert.All(_store.Permissions.All, rule => Assert.Matches("^Only [a-z ,'-]+ can [^.]+\\.$", rule.Sentence));
    }
}
