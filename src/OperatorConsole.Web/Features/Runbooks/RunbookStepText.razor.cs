using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Web.Features.Runbooks;

public sealed partial class RunbookStepText
{
    private string? _html;
    private (RunbookStep Step, RunbookLinkContext? Links)? _renderedFor;

    [Parameter, EditorRequired] public RunbookStep Step { get; set; } = default!;

    /// <summary>What the runbook version's relative links resolve to; without it only web and mail links are live.</summary>
    [Parameter] public RunbookLinkContext? Links { get; set; }

    [Inject] public required RunbookRenderer Renderer { get; init; }

    // Live events reload the run and re-render its steps; an unchanged text is not sanitised again.
    protected override void OnParametersSet()
    {
        if (_renderedFor is { } last && last.Step.Text == Step.Text && (last.Step.Links ?? []).SequenceEqual(Step.Links ?? []) && ReferenceEquals(last.Links, Links))
        {
            return;
        }

        _renderedFor = (Step, Links);
        _html = Renderer.StepHtml(Step, Links);
    }
}
