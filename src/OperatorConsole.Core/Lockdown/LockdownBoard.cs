using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Lockdown;

/// <summary>The lockdown now: null when the console is not locked down.</summary>
public sealed record LockdownNow(LockdownRecord? Active);

/// <summary>
/// The active lockdown, held once in memory for every open page's banner: a lockdown change is one store read,
/// however many pages are open.
/// </summary>
public sealed class LockdownBoard(LockdownService lockdown, ILiveEventSource source, ILogger<LockdownBoard> logger) : IDisposable
{
    private readonly SharedSnapshot<LockdownNow> _shared =
        new(source, [Topics.Lockdown], () => new LockdownNow(lockdown.Active()), (_, _) => null, logger);

    public Versioned<LockdownNow> Current => _shared.Current;

    /// <summary>
    /// The lockdown as committed (one store read), for a one-off render that must show no less than what the hub has
    /// already told its browser: <see cref="Current"/> takes a change in a moment after the hub sends it.
    /// </summary>
    public LockdownNow Committed() => new(lockdown.Active());

    /// <inheritdoc cref="SharedSnapshot{T}.Watch"/>
    public IDisposable Watch(Func<Versioned<LockdownNow>, IReadOnlyList<LiveEvent>, Task> onChange, Func<Exception, Task> onError) =>
        _shared.Watch(onChange, onError);

    public void Dispose() => _shared.Dispose();
}
