using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Web.Features.KillSwitches;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.KillSwitches;

public sealed class ProtectiveToggleTests : BunitTestContext
{
    private static readonly Actor Ada = new("admin", "Ada Admin", Role.Admin);

    private KillSwitchService Switches => Services.GetRequiredService<KillSwitchService>();

    [Fact]
    public async Task ProtectiveToggle_ByAdmin_MarksTheSwitchProtective()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("ai-kill-switch", null, "Test switch", false));
        SignIn(Ada);
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-table] tbody tr").Click();
        cut.Find("[data-testid=kill-switch-actions] input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => Assert.True(Switches.Get("ai-kill-switch")!.Protective), LiveTimeout);
    }

    [Fact]
    public async Task ProtectiveToggle_ForOnCall_NotShown()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("ai-kill-switch", null, "Test switch", false));
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-table] tbody tr").Click();

        Assert.Empty(cut.FindAll("[data-testid=kill-switch-actions] input[type=checkbox]"));
    }
}
