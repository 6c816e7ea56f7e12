using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Web.Features.Runbooks;

public sealed partial class RunbookProcedure
{
    private IReadOnlyList<(RunbookSection Section, string Html)> _context = [];
    private RunbookLinkContext? _links;
    private string? _renderedFor;

    [Parameter, EditorRequired] public Runbook Runbook { get; set; } = default!;

    /// <summary>Where the runbook is shown, so #anchors in its context text stay on the page.</summary>
    [Parameter] public string? DocumentPath { get; set; }

    [Inject] public required RunbookRenderer Renderer { get; init; }

    [Inject] public required RunbookService Runbooks { get; init; }

    // Rendered once per version: live events re-render the page, the text does not change.
    protected override void OnParametersSet()
    {
        if (_renderedFor == Runbook.Id)
        {
            return;
        }

        _renderedFor = Runbook.Id;
        _links = Runbooks.LinksOf(Runbook);
        _context = [.. Runbook.Sections
            .Where(s => s.Role == SectionRole.Context && !string.IsNullOrWhiteSpace(s.Body))
            .Select(s => (s, Renderer.ToSafeHtml(s.Body!, DocumentPath, _links)))];
    }
}
