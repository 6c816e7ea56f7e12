using OperatorConsole.Storage.PostgreSql.Leases;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.PostgreSql.Tests.Leases;

/// <summary>Two console instances asking one real PostgreSQL for the same piece of background work.</summary>
public sealed class PgWorkLeasesTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    // The store migrates the schema, as a console starting on the database does.
    private readonly TestStore _store = new();
    private readonly PgWorkLeases _a;
    private readonly PgWorkLeases _b;

    public PgWorkLeasesTests()
    {
        _a = new PgWorkLeases(_store.Database);
        _b = new PgWorkLeases(_store.Database);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task TryHold_HeldByAnother_RefusedUntilItIsReleased()
    {
        Assert.True(await _a.TryHoldAsync("health-check-schedule", Long));
        Assert.False(await _b.TryHoldAsync("health-check-schedule", Long));
        Assert.True(await _a.TryHoldAsync("health-check-schedule", Long));

        await _a.ReleaseAsync("health-check-schedule");

        Assert.True(await _b.TryHoldAsync("health-check-schedule", Long));
        Assert.False(await _a.TryHoldAsync("health-check-schedule", Long));
    }

    [Fact]
    public async Task TryHold_HolderStoppedRenewing_TakenOnceTheLeaseRunsOut()
    {
        Assert.True(await _a.TryHoldAsync("ledger-sealing", TimeSpan.FromMilliseconds(300)));

        // The holder died: it never renews. The other instance keeps asking, as LeasedWork does.
        var taken = false;
        for (var attempt = 0; attempt < 200 && !taken; attempt++)
        {
            taken = await _b.TryHoldAsync("ledger-sealing", Long);
            if (!taken)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(taken);
        Assert.False(await _a.TryHoldAsync("ledger-sealing", Long));
    }

    [Fact]
    public async Task TryHold_DifferentWork_HeldIndependently()
    {
        Assert.True(await _a.TryHoldAsync("console-alerts", Long));

        Assert.True(await _b.TryHoldAsync("notifications", Long));
    }
}
