using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.PostgreSql.Tests.Common;

/// <summary>Two console instances (two stores, each with its own Core services) on one PostgreSQL database.</summary>
public sealed class TwoInstanceStoreTests : IDisposable
{
    private readonly TestStore _a = new();
    private readonly TestStore _b;

    public TwoInstanceStoreTests() => _b = new TestStore(null, _a.Database);

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task OpenAsync_ConcurrentOnBothInstances_UniqueIncidentNumbersOnOneVerifyingChain()
    {
        var opens = Enumerable.Range(0, 24)
            .Select(i => Task.Run(() => (i % 2 == 0 ? _a : _b).Incidents.OpenAsync(TestActors.Omar, IncidentScene.Request())));

        var incidents = await Task.WhenAll(opens);

        Assert.Equal(24, incidents.Select(i => i.Id).Distinct().Count());
        Assert.Equal(24, _b.Incidents.List().Count);
        var ledger = _a.Ledger;
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence));
        Assert.True(LedgerVerifier.Verify(ledger).IsValid);
    }

    [Fact]
    public async Task CreateAsync_OnOneInstance_IsReadAtOnceOnTheOther()
    {
        await _a.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);

        Assert.Equal("Bob", Assert.Single(_b.Users.List()).DisplayName);
        Assert.Equal(_a.Ledger[^1].Hash, _b.Ledger[^1].Hash);
    }

    [Fact]
    public async Task RunAsync_RolesRevokedOnTheOtherInstance_RefusedWithTheDenialLedgered()
    {
        await _a.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Admin);
        var signedInBefore = new Actor("bob", "Bob", Role.Admin);
        await _a.Users.SetRolesAsync(TestActors.Admin, "bob", Role.Viewer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _b.Users.CreateAsync(signedInBefore, "eve", "Eve", "long-enough", Role.Viewer));

        Assert.Equal(("bob", LedgerOutcome.Denied), (_a.Ledger[^1].Actor, _a.Ledger[^1].Outcome));
        Assert.DoesNotContain(_a.Users.List(), u => u.Id == "eve");
    }
}
