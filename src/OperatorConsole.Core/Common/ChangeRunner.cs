using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Common;

/// <summary>
/// The single path every Core service writes through: the change, its gates (<see cref="Change.Require(string, string)"/>,
/// <see cref="Change.RequireNotLockedDown"/>, <see cref="Change.Refuse"/>) and its ledger entry run in one transaction
/// on the store's single writer; the domain events are published once the commit is durable.
/// </summary>
public sealed class ChangeRunner(IConsoleStore store, ILiveEventPublisher publisher, TimeProvider clock, ActionCatalog catalog)
{
    private long _committed;

    public IConsoleStore Store => store;

    /// <summary>
    /// Writes this instance has committed through here, counted once each is durable and before its events go out: a
    /// reader that saw an event of a change and then reads this count gets a count that includes that change. What was
    /// read from the store after reading the count is at least as new as that many changes (e.g. a page rendered once
    /// and shared, see the web's WatchPageRenders). Other instances' changes are not counted.
    /// </summary>
    public long Committed => Interlocked.Read(ref _committed);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Runs <paramref name="change"/> in one write. When one of its gates refuses, everything the change wrote is rolled
    /// back, the gate's 'denied' entry commits in that same write, and then the refusal is thrown to the caller.
    /// </summary>
    public async Task<T> RunAsync<T>(Actor actor, Func<Change, T> change, CancellationToken cancellationToken = default)
    {
        Change? committed = null;
        Exception? refused = null;
        var result = await store.WriteAsync(
            session =>
            {
                // A fresh Change per attempt, so events of a rolled-back attempt are never published.
                var c = new Change(session, actor, clock.GetUtcNow(), catalog);
                try
                {
                    var value = change(c);
                    committed = c;
                    return value;
                }
                catch (ChangeRefusal refusal)
                {
                    committed = RecordDenial(session, actor, c.Now, refusal, catalog);
                    refused = refusal.Refusal;
                    return default!;
                }
            },
            cancellationToken);

        Interlocked.Increment(ref _committed);
        foreach (var liveEvent in committed!.Events)
        {
            publisher.Publish(liveEvent);
        }

        return refused is null ? result : throw refused;
    }

    /// <summary>
    /// Runs gates alone, for work that must happen outside any write (a probe, a download) and may start only when they
    /// pass; a refusal commits its 'denied' entry. The write that then stores the work's result checks them again.
    /// </summary>
    public Task CheckAsync(Actor actor, Action<Change> gates, CancellationToken cancellationToken = default) =>
        RunAsync(actor, c =>
        {
            gates(c);
            return true;
        }, cancellationToken);

    // A gate may refuse after the change wrote something: that is discarded, and only the denial commits.
    private static Change RecordDenial(IStoreSession session, Actor actor, DateTimeOffset now, ChangeRefusal refusal, ActionCatalog catalog)
    {
        session.DiscardChanges();
        var denial = new Change(session, actor, now, catalog);
        denial.Record(refusal.Action, refusal.Subject, refusal.Payload, LedgerOutcome.Denied);
        return denial;
    }
}
