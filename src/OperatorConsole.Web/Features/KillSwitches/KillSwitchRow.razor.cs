using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// One row of the kill-switch table. Blazor renders a child with object or callback parameters again whenever its
/// parent renders, so without <see cref="ShouldRender"/> a flip of one switch re-rendered every row and every MudBlazor
/// component in it, on every open page. A switch is an immutable record: an equal one is the same row.
/// </summary>
public sealed partial class KillSwitchRow
{
    private KillSwitch? _rendered;
    private bool _renderedExpanded;

    [Parameter, EditorRequired] public KillSwitch Switch { get; set; } = default!;

    /// <summary>Whether the switch's history is open below the row (the arrow's direction).</summary>
    [Parameter] public bool Expanded { get; set; }

    [Parameter] public EventCallback OnToggleHistory { get; set; }

    [Parameter] public EventCallback OnFlipped { get; set; }

    // A global switch names no scope: the operator picks the scope to roll back on the scope list. The flip's
    // incident, if it named one, goes along so the rollback lands on that incident's timeline.
    private string RollbackHref
    {
        get
        {
            var incident = Switch.LastChange?.IncidentId is { } id ? $"?incident={Uri.EscapeDataString(id)}" : string.Empty;
            return Switch.Scope == KillSwitch.GlobalScope ? "scopes" : $"scopes/{Uri.EscapeDataString(Switch.Scope)}{incident}";
        }
    }

    protected override void OnInitialized() => (_rendered, _renderedExpanded) = (Switch, Expanded);

    protected override bool ShouldRender()
    {
        if (Equals(_rendered, Switch) && _renderedExpanded == Expanded)
        {
            return false;
        }

        (_rendered, _renderedExpanded) = (Switch, Expanded);
        return true;
    }
}
