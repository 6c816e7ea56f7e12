using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Web.Components.Layout;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Layout;

public sealed class CommandPaletteTests : BunitTestContext
{
    [Fact]
    public async Task CtrlK_TypeWordsOfAnIncident_ListsItAndEnterGoesThere()
    {
        var incident = await Services.GetRequiredService<IncidentService>().OpenAsync(
            Omar, new("Bad Porto publish", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["porto"], null));
        var cut = Render<CommandPalette>();

        await cut.InvokeAsync(() => cut.Instance.OnKey("palette"));
        cut.Find("input[data-testid=palette-input]").Input("porto pub");
        cut.Find("input[data-testid=palette-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith($"/incidents/{incident.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=palette]"));
    }

    [Fact]
    public async Task Palette_TypeAnActionOrASwitch_ListsPagesActionsAndSwitchesThatMatch()
    {
        await Services.GetRequiredService<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition("ai-kill-switch", null, "AI lane", false));
        var cut = Render<CommandPalette>();
        await cut.InvokeAsync(() => cut.Instance.OnKey("palette"));

        cut.Find("input[data-testid=palette-input]").Input("switch");

        var items = cut.FindAll("[data-testid=palette-item]").Select(i => (i.GetAttribute("href"), i.TextContent)).ToList();
        Assert.Contains(items, i => i.Item1 == "kill-switches" && i.TextContent.Contains("Flip a kill switch", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Item1 == "kill-switches" && i.TextContent.Contains("ai-kill-switch @ global", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Palette_ArrowDownThenEnter_GoesToTheSecondEntry()
    {
        var cut = Render<CommandPalette>();
        await cut.InvokeAsync(() => cut.Instance.OnKey("palette"));
        var second = cut.FindAll("[data-testid=palette-item]")[1].GetAttribute("href");

        cut.Find("input[data-testid=palette-input]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        cut.Find("input[data-testid=palette-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith($"/{second}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Palette_TextMatchingNothing_SaysSo()
    {
        var cut = Render<CommandPalette>();
        await cut.InvokeAsync(() => cut.Instance.OnKey("palette"));

        cut.Find("input[data-testid=palette-input]").Input("zzz-nothing");

        Assert.Contains("Nothing matches", cut.Find("[data-testid=palette-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionMark_ListsTheRunPageShortcuts()
    {
        var cut = Render<CommandPalette>();

        await cut.InvokeAsync(() => cut.Instance.OnKey("?"));

        var help = cut.Find("[data-testid=shortcuts-help]").TextContent;
        Assert.Contains("Ctrl+K", help, StringComparison.Ordinal);
        Assert.Contains("Run page: check off the current step", help, StringComparison.Ordinal);
    }
}
