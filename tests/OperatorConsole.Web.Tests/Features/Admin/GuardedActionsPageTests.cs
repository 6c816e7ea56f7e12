using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Web.Features.Admin;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Admin;

public sealed class GuardedActionsPageTests : BunitTestContext
{
    private static readonly Actor Ada = new("admin", "Ada Admin", Role.Admin);

    private GuardedActionService Guarded => Services.GetRequiredService<GuardedActionService>();

    [Fact]
    public void FourEyesSwitch_ByAdmin_StoresTheChoiceAndShowsIt()
    {
        SignIn(Ada);
        var cut = Render<GuardedActionsPage>();

        cut.Find($"input[data-testid='four-eyes-{GuardedActionTypes.ScopeRebind}']").Change(true);

        cut.WaitForAssertion(() => Assert.True(Guarded.Policies().Single(p => p.ActionType == GuardedActionTypes.ScopeRebind).FourEyes), LiveTimeout);
        cut.WaitForAssertion(() => Assert.Contains("second person confirms", RowOf(cut, GuardedActionTypes.ScopeRebind), StringComparison.Ordinal), LiveTimeout);
    }

    [Fact]
    public void FourEyesSwitch_Untouched_RebindShowsRequesterConfirms()
    {
        SignIn(Ada);
        var cut = Render<GuardedActionsPage>();

        Assert.Contains("requester confirms", RowOf(cut, GuardedActionTypes.ScopeRebind), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ListsEveryGuardedTypeWithWhatItGuards()
    {
        SignIn(Ada);
        var cut = Render<GuardedActionsPage>();

        var rows = cut.FindAll("[data-testid=guarded-policies] tbody tr");
        Assert.Equal(Guarded.Policies().Count, rows.Count);
        Assert.Contains("Release the emergency lockdown", cut.Markup, StringComparison.Ordinal);
    }

    private static string RowOf(IRenderedComponent<GuardedActionsPage> cut, string actionType) =>
        cut.FindAll("[data-testid=guarded-policies] tbody tr").Single(r => r.TextContent.Contains(actionType, StringComparison.Ordinal)).TextContent;
}
