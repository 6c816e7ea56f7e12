using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Core.Runs;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runs;

public sealed partial class RunStepCard
{
    private string? _note;
    private string? _output;
    private bool _busy;

    [Parameter, EditorRequired] public RunStep Step { get; set; } = default!;
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Where the run's runbook version resolves its relative links, for the links in the step's text.</summary>
    [Parameter] public RunbookLinkContext? Links { get; set; }

    /// <summary>The step the run page's keyboard shortcuts act on.</summary>
    [Parameter] public bool Current { get; set; }
    [Parameter] public EventCallback<StepCheck> OnCheck { get; set; }
    [Parameter] public EventCallback OnProbe { get; set; }

    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    private RunbookStep Definition => Step.Definition;

    private async Task CheckAsync()
    {
        _busy = true;
        await OnCheck.InvokeAsync(new StepCheck(_note, _output));
        _busy = false;
    }

    private async Task ProbeAsync()
    {
        _busy = true;
        await OnProbe.InvokeAsync();
        _busy = false;
    }

    private Task CopyAsync() => Ui.TryAsync(async () =>
    {
        await using var module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/clipboard.js");
        await module.InvokeVoidAsync("copyText", Definition.Command);
    }, "Command copied.");
}

public sealed record StepCheck(string? Note, string? Output);
