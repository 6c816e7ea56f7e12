using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// Core's <see cref="Permissions"/> answers for the person of this circuit: the circuit holds the person's roles and the
/// shared answers for them (<see cref="PermissionBoard"/>), read again when a lockdown engages or releases or roles
/// change, so every <see cref="ActionButton"/> follows at once.
/// </summary>
public sealed class ActorPermissions(Permissions permissions, PermissionBoard board, CurrentActor current, ILogger<ActorPermissions> logger) : IDisposable
{
    private IReadOnlyDictionary<string, Permission>? _answers;
    private Actor? _actor;
    private IDisposable? _watch;

    /// <summary>Raised after the answers were read again.</summary>
    public event Action? Changed;

    public async Task<Permission> CheckAsync(string action)
    {
        if (_answers is null)
        {
            _watch ??= board.Watch(RefreshAsync, OnWatchFailedAsync);
            _actor = await current.GetAsync();
            _answers = board.Current.Value.For(permissions.RolesOf(_actor));
        }

        return _answers.TryGetValue(action, out var answer) ? answer : permissions.Check(_actor!, action);
    }

    public void Dispose() => _watch?.Dispose();

    private Task RefreshAsync(Versioned<PermissionTables> tables, IReadOnlyList<LiveEvent> changes)
    {
        if (_actor is not null)
        {
            _answers = tables.Value.For(permissions.RolesOf(_actor));
            Changed?.Invoke();
        }

        return Task.CompletedTask;
    }

    private Task OnWatchFailedAsync(Exception ex)
    {
        logger.LogError(ex, "Permission refresh stopped");
        return Task.CompletedTask;
    }
}
