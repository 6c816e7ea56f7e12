namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>A clock the test moves by hand, for ledger entries at known times.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
