using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// One row of the kill-switch table. Blazor renders a child with object or callback parameters again whenever its
/// parent renders, so without <see cref="ShouldRender"/> a flip of one switch re-rendered every row and every MudBlazor
/// component in it, on every open page. A switch is an immutable record: an equal one is the same row. A flip reaches
/// the row through the page's <see cref="Feed"/>, so the page and its table do not render for it at all.
/// </summary>
public sealed partial class KillSwitchRow : IDisposable
{
    private KillSwitch? _rendered;
    private bool _renderedExpanded;
    private KillSwitch? _pushed;
    private IDisposable? _following;
    private string? _followedId;

    [Parameter, EditorRequired] public KillSwitch Switch { get; set; } = default!;

    /// <summary>Brings this switch's newer states between the page's renders.</summary>
    [Parameter] public KillSwitchFeed? Feed { get; set; }

    /// <summary>Whether the switch's history is open below the row (the arrow's direction).</summary>
    [Parameter] public bool Expanded { get; set; }

    [Parameter] public EventCallback OnToggleHistory { get; set; }

    [Parameter] public EventCallback OnFlipped { get; set; }

    // The newer of what the page last rendered and what the feed brought since (versions only grow).
    private KillSwitch Shown => _pushed is { } pushed && pushed.Id == Switch.Id && pushed.Version > Switch.Version ? pushed : Switch;

    // A global switch names no scope: the operator picks the scope to roll back on the scope list. The flip's
    // incident, if it named one, goes along so the rollback lands on that incident's timeline.
    private string RollbackHref
    {
        get
        {
            var incident = Shown.LastChange?.IncidentId is { } id ? $"?incident={Uri.EscapeDataString(id)}" : string.Empty;
            return Shown.Scope == KillSwitch.GlobalScope ? "scopes" : $"scopes/{Uri.EscapeDataString(Shown.Scope)}{incident}";
        }
    }

    protected override void OnInitialized() => (_rendered, _renderedExpanded) = (Switch, Expanded);

    // The table reuses a row component by position: when it now holds another switch, follow that one.
    protected override void OnParametersSet()
    {
        if (Feed is not null && _followedId != Switch.Id)
        {
            _following?.Dispose();
            _following = Feed.Follow(Switch.Id, Push);
            _followedId = Switch.Id;
        }
    }

    protected override bool ShouldRender()
    {
        var shown = Shown;
        if (Equals(_rendered, shown) && _renderedExpanded == Expanded)
        {
            return false;
        }

        (_rendered, _renderedExpanded) = (shown, Expanded);
        return true;
    }

    public void Dispose() => _following?.Dispose();

    private void Push(KillSwitch next)
    {
        _pushed = next;
        StateHasChanged();
    }
}
