namespace OperatorConsole.Storage.Common;

/// <summary>The first write failure of one open database; once set, its files take no more writes.</summary>
internal sealed class StoreFault
{
    private Exception? _cause;

    public Exception? Cause => Volatile.Read(ref _cause);

    public void Set(Exception cause) => Interlocked.CompareExchange(ref _cause, cause, null);
}
