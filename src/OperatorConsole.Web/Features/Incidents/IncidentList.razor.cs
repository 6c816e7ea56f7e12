using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Incidents;

public sealed partial class IncidentList : IDisposable
{
    private IReadOnlyList<Incident> _incidents = [];
    private IncidentStatus? _status;
    private IncidentSeverity? _severity;
    private IncidentClass? _class;
    private string? _owner;
    private string? _scope;
    private LiveWatcher? _watcher;

    [Inject] public required IncidentService Incidents { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    private List<Incident> Shown =>
    [
        .. _incidents
            .Where(i => _status is null || i.Status == _status)
            .Where(i => _severity is null || i.Severity == _severity)
            .Where(i => _class is null || i.Class == _class)
            .Where(i => string.IsNullOrWhiteSpace(_owner) || (i.Owner ?? string.Empty).Contains(_owner, StringComparison.OrdinalIgnoreCase))
            .Where(i => string.IsNullOrWhiteSpace(_scope) || i.Scopes.Any(s => s.Contains(_scope, StringComparison.OrdinalIgnoreCase))),
    ];

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { _incidents = Incidents.List(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Incidents);
        _incidents = Incidents.List();
    }

    public void Dispose() => _watcher?.Dispose();
}
