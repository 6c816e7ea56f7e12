using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Web.Features.KillSwitches;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.KillSwitches;

public sealed class KillSwitchEditorTests : BunitTestContext
{
    private static readonly Actor Ada = new("admin", "Ada Admin", Role.Admin);

    private KillSwitchService Switches => Services.GetRequiredService<KillSwitchService>();

    [Fact]
    public void Create_ByAdmin_AddsTheSwitchToTheTable()
    {
        SignIn(Ada);
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=new-switch-key]").Change("pause-agent-execution");
        cut.Find("[data-testid=kill-switch-create] [data-testid=switch-description]").Change("003: agents finish no new work");
        cut.Find("[data-testid=kill-switch-create] [data-testid=save-switch]").Click();

        cut.WaitForAssertion(() => Assert.Equal("003: agents finish no new work", Switches.Get("pause-agent-execution")?.Description), LiveTimeout);
        cut.WaitForAssertion(() => Assert.Contains("pause-agent-execution", cut.Find("[data-testid=kill-switch-table]").TextContent, StringComparison.Ordinal), LiveTimeout);
    }

    [Fact]
    public void Create_WithoutKey_ShowsTheErrorAndCreatesNothing()
    {
        SignIn(Ada);
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-create] [data-testid=switch-description]").Change("no key given");
        cut.Find("[data-testid=kill-switch-create] [data-testid=save-switch]").Click();

        Assert.Empty(Switches.Snapshot().Switches);
    }

    [Fact]
    public async Task Edit_ByAdmin_ChangesTheDescription()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("ai-kill-switch", null, "Old text", false));
        SignIn(Ada);
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-table] tbody tr").Click();
        cut.Find("[data-testid=kill-switch-edit] [data-testid=switch-description]").Change("004: disables the AI lane");
        cut.Find("[data-testid=kill-switch-edit] [data-testid=save-switch]").Click();

        cut.WaitForAssertion(() => Assert.Equal("004: disables the AI lane", Switches.Get("ai-kill-switch")!.Description), LiveTimeout);
    }

    [Fact]
    public async Task Editor_ForOnCall_NotShown()
    {
        await Switches.CreateAsync(Actor.System, new KillSwitchDefinition("ai-kill-switch", null, "Test switch", false));
        var cut = Render<KillSwitchesPage>();

        cut.Find("[data-testid=kill-switch-table] tbody tr").Click();

        Assert.Empty(cut.FindAll("[data-testid=kill-switch-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=kill-switch-create]"));
    }
}
