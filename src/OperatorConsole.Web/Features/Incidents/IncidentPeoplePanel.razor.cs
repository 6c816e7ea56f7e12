using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Incidents;

public sealed partial class IncidentPeoplePanel
{
    private IncidentRoleControls? _controls;
    private IReadOnlyList<IncidentPerson> _people = [];

    [Parameter, EditorRequired] public Incident Incident { get; set; } = default!;

    /// <summary>Raised after a change, so the page reads the incident again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>Shows what is there and no controls, for someone who only watches the incident (its static page).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    [Inject] public required IncidentService Incidents { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        if (ReadOnly)
        {
            return;
        }

        _controls = Incidents.RoleControls(await Current.GetAsync(), Incident.Id);
        if (_people.Count == 0)
        {
            _people = Incidents.AssignablePeople();
        }
    }

    private Task JoinAsync() => Act(a => Incidents.JoinAsync(a, Incident.Id), "You are listed as working on this.");

    private Task LeaveAsync() => Act(a => Incidents.LeaveAsync(a, Incident.Id), "You are no longer listed as working on this.");

    private Task HandOverAsync(IncidentPerson to) => Act(a => Incidents.HandOverAsync(a, Incident.Id, to.Id), $"{to.Name} now owns {Incident.Id}.");

    private Task SetCommanderAsync(IncidentPerson to) => Act(a => Incidents.SetCommanderAsync(a, Incident.Id, to.Id), $"{to.Name} is the incident commander.");

    private async Task Act(Func<Actor, Task> action, string success)
    {
        await Ui.TryAsync(async () => await action(await Current.GetAsync()), success);
        await Changed.InvokeAsync();
    }
}
