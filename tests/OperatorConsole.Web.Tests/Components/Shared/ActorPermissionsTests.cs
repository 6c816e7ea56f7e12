using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Shared;

public sealed class ActorPermissionsTests : BunitTestContext
{
    private static readonly Actor Ada = new("ada", "Ada Admin", Role.Admin | Role.OnCall);

    public ActorPermissionsTests() => SignIn(Ada);

    [Fact]
    public void For_SameRolesAskedTwice_OneSharedAnswerTable()
    {
        var board = Services.GetRequiredService<PermissionBoard>();

        Assert.Same(board.Current.Value.For(Role.OnCall), board.Current.Value.For(Role.OnCall));
    }

    [Fact]
    public async Task LockdownEngaged_AfterFirstCheck_GatedActionRefusedWithTheLockdownSentence()
    {
        var permissions = ActivatorUtilities.CreateInstance<ActorPermissions>(Services);
        Assert.True((await permissions.CheckAsync(AlertActions.RuleSave)).Allowed);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        permissions.Changed += () => changed.TrySetResult();

        await Services.GetRequiredService<LockdownService>().EngageAsync(Ada, "permission board test");

        await changed.Task.WaitAsync(LiveTimeout);
        var answer = await permissions.CheckAsync(AlertActions.RuleSave);
        Assert.False(answer.Allowed);
        Assert.Contains("emergency lockdown", answer.Reason, StringComparison.Ordinal);
    }
}
