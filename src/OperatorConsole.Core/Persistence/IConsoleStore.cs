namespace OperatorConsole.Core.Persistence;

/// <summary>
/// The one door to the store. Writes are serialized and committed before the returned task
/// completes, so a caller that sees the task finish knows the change is durable.
/// </summary>
public interface IConsoleStore
{
    /// <summary>Runs <paramref name="change"/> inside one store transaction; no awaiting inside it.</summary>
    Task<T> WriteAsync<T>(Func<IStoreSession, T> change, CancellationToken cancellationToken = default);

    /// <summary>Runs a read-only query against the committed state.</summary>
    T Read<T>(Func<IStoreSession, T> query);
}
