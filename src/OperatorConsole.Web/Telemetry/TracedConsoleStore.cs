using System.Diagnostics;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Web.Telemetry;

/// <summary>
/// One span per store write (the transaction and its commit), wrapped around whichever store is configured, so a slow
/// request's trace shows how long it waited on the single writer. Reads are many and fast; they are not traced.
/// </summary>
public sealed class TracedConsoleStore(IConsoleStore inner) : IConsoleStore
{
    public const string SourceName = "OperatorConsole.Store";
    private static readonly ActivitySource Source = new(SourceName);

    public async Task<T> WriteAsync<T>(Func<IStoreSession, T> change, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("store write", ActivityKind.Internal);
        try
        {
            return await inner.WriteAsync(change, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    public T Read<T>(Func<IStoreSession, T> query) => inner.Read(query);
}
