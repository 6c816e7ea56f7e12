using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runs;

/// <summary>The run page's keyboard: j/k move the current step, Space checks it off, n puts the cursor in its note.</summary>
public sealed partial class RunPage
{
    private static readonly string[] Keys = ["j", "k", " ", "n"];

    private int _current;
    private KeyboardShortcuts<RunPage>? _keys;

    [Inject] public required IJSRuntime Js { get; init; }

    private string? CurrentStepId => _run is { Steps.Count: > 0 } run ? run.Steps[Math.Clamp(_current, 0, run.Steps.Count - 1)].StepId : null;

    [JSInvokable]
    public Task OnKey(string key) => InvokeAsync(async () =>
    {
        if (_run is not { Steps.Count: > 0 } run)
        {
            return;
        }

        switch (key)
        {
            case "j":
                _current = Math.Min(_current + 1, run.Steps.Count - 1);
                await FocusAsync($"[data-testid='step-{CurrentStepId}']");
                break;
            case "k":
                _current = Math.Max(_current - 1, 0);
                await FocusAsync($"[data-testid='step-{CurrentStepId}']");
                break;
            case " " when !Completed && !run.Steps[_current].IsDone:
                await CheckAsync(CurrentStepId!, null, null);
                break;
            case "n" when !Completed && !run.Steps[_current].IsDone:
                await FocusAsync($"[data-testid='note-{CurrentStepId}']");
                break;
        }

        StateHasChanged();
    });

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Start on the first step not yet done, where the work is.
            _current = Math.Max(0, _run?.Steps.ToList().FindIndex(s => !s.IsDone) ?? 0);
            _keys = await KeyboardShortcuts.ListenAsync(Js, this, Keys);
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        if (_keys is not null)
        {
            await _keys.DisposeAsync();
        }
    }

    private ValueTask FocusAsync(string selector) => _keys?.FocusAsync(selector) ?? ValueTask.CompletedTask;
}
