using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// Core's <see cref="Permissions"/> answers for the person of this circuit, read once for every action and read again
/// when a lockdown engages or releases or roles change, so every <see cref="ActionButton"/> follows at once.
/// </summary>
public sealed class ActorPermissions(Permissions permissions, CurrentActor current, ILiveEventSource live, ILogger<ActorPermissions> logger) : IDisposable
{
    private IReadOnlyDictionary<string, Permission>? _answers;
    private Actor? _actor;
    private LiveWatcher? _watcher;

    /// <summary>Raised after the answers were read again.</summary>
    public event Action? Changed;

    public async Task<Permission> CheckAsync(string action)
    {
        if (_answers is null)
        {
            _watcher ??= LiveWatcher.Start(live, _ => RefreshAsync(), OnWatchFailedAsync, Topics.Lockdown, Topics.Users);
            _actor = await current.GetAsync();
            _answers = permissions.CheckAll(_actor);
        }

        return _answers.TryGetValue(action, out var answer) ? answer : permissions.Check(_actor!, action);
    }

    public void Dispose() => _watcher?.Dispose();

    private Task RefreshAsync()
    {
        if (_actor is not null)
        {
            _answers = permissions.CheckAll(_actor);
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
