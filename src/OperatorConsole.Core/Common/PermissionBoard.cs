using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Common;

/// <summary>
/// Every action's answer for each set of roles, as of one lockdown state and one set of users: filled the first time a
/// page with those roles asks, then shared by every page that holds the same roles. A new, empty one replaces it on
/// every lockdown or user change, so no answer outlives what it was decided on.
/// </summary>
public sealed class PermissionTables(Permissions permissions)
{
    private readonly ConcurrentDictionary<Role, IReadOnlyDictionary<string, Permission>> _byRoles = new();

    public IReadOnlyDictionary<string, Permission> For(Role roles) => _byRoles.GetOrAdd(roles, permissions.CheckAll);
}

/// <summary>
/// The permission answers held once in memory for every open page: a page keeps only its person's roles and a reference
/// to the shared answers for them, instead of its own copy of every answer.
/// </summary>
public sealed class PermissionBoard(Permissions permissions, ILiveEventSource source, ILogger<PermissionBoard> logger) : IDisposable
{
    private readonly SharedSnapshot<PermissionTables> _shared =
        new(source, [Topics.Lockdown, Topics.Users], () => new PermissionTables(permissions), (_, _) => null, logger);

    public Versioned<PermissionTables> Current => _shared.Current;

    /// <inheritdoc cref="SharedSnapshot{T}.Watch"/>
    public IDisposable Watch(Func<Versioned<PermissionTables>, IReadOnlyList<LiveEvent>, Task> onChange, Func<Exception, Task> onError) =>
        _shared.Watch(onChange, onError);

    public void Dispose() => _shared.Dispose();
}
