using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>What the writer thread takes from its queue: a change to run in a transaction, or work between transactions.</summary>
internal abstract class WriterWork;

/// <summary>Work that needs no transaction open (checkpoints, backups); it answers for itself.</summary>
internal sealed class BetweenTransactions(Action run) : WriterWork
{
    public void Run() => run();
}

/// <summary>
/// A change waiting for the writer, and its answer. It may run more than once (a rolled-back transaction it shared is
/// run again); only the last run's result or failure is answered.
/// </summary>
internal abstract class QueuedWrite : WriterWork
{
    public abstract void Run(IStoreSession session);

    /// <summary>The change failed on its own account; answered with that once the writes before it are durable.</summary>
    public abstract void Refused(Exception refusal);

    /// <summary>Null: the change's commit is durable (or it was refused, and that is answered); else why it was not saved.</summary>
    public abstract void Answer(Exception? failure);
}

internal sealed class QueuedWrite<T>(Func<IStoreSession, T> change) : QueuedWrite
{
    private T _result = default!;
    private Exception? _refusal;

    public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Run(IStoreSession session)
    {
        _refusal = null;
        _result = change(session);
    }

    public override void Refused(Exception refusal) => _refusal = refusal;

    public override void Answer(Exception? failure)
    {
        if ((failure ?? _refusal) is { } error)
        {
            Done.SetException(error);
        }
        else
        {
            Done.SetResult(_result);
        }
    }
}
