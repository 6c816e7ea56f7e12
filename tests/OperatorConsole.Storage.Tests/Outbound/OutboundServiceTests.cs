using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Outbound;

public sealed class OutboundServiceTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Allow_AdminAddsBlock_StoredNormalisedAndLedgered()
    {
        var rule = await _store.Outbound.AllowAsync(TestActors.Admin, " 10.20.3.4/16 ", "metrics network");

        Assert.Equal("10.20.0.0/16", rule.Target);
        Assert.Equal([rule], (await _store.Outbound.AllowListAsync(TestActors.Admin)).Rules);
        var head = _store.Audit.Head()!;
        Assert.Equal((OutboundActions.Allow, LedgerOutcome.Allowed, "ada"), (head.Action, head.Outcome, head.Actor));
        Assert.Contains("10.20.0.0/16", head.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_HostName_StoredLowercase()
    {
        var rule = await _store.Outbound.AllowAsync(TestActors.Admin, "Grafana.Internal.", null);

        Assert.Equal("grafana.internal", rule.Target);
    }

    [Fact]
    public async Task Allow_OnCall_DeniedAndRecordedNothingStored()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Outbound.AllowAsync(TestActors.Omar, "10.0.0.0/8", null));

        Assert.Equal((OutboundActions.Allow, LedgerOutcome.Denied), (_store.Audit.Head()!.Action, _store.Audit.Head()!.Outcome));
        Assert.Empty((await _store.Outbound.AllowListAsync(TestActors.Admin)).Rules);
    }

    [Fact]
    public async Task Allow_DuringLockdown_RefusedNothingStored()
    {
        await _store.Lockdown.EngageAsync(TestActors.Omar, "model serving garbage");

        await Assert.ThrowsAsync<LockedDownException>(() => _store.Outbound.AllowAsync(TestActors.Admin, "10.0.0.0/8", null));

        Assert.Empty((await _store.Outbound.AllowListAsync(TestActors.Admin)).Rules);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("10.0.0.0/40")]
    [InlineData("bad host name")]
    [InlineData("")]
    public async Task Allow_NotABlockOrHostName_RefusedNamingTarget(string target)
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => _store.Outbound.AllowAsync(TestActors.Admin, target, null));

        Assert.Equal(["target"], ex.Errors.Keys);
    }

    [Fact]
    public async Task Allow_SameBlockTwice_Conflict()
    {
        await _store.Outbound.AllowAsync(TestActors.Admin, "fd00:ec2::/32", null);

        await Assert.ThrowsAsync<ConflictException>(() => _store.Outbound.AllowAsync(TestActors.Admin, "fd00:ec2::1/32", null));
    }

    [Fact]
    public async Task Remove_ExistingRule_GoneAndLedgered()
    {
        await _store.Outbound.AllowAsync(TestActors.Admin, "grafana.internal", null);

        await _store.Outbound.RemoveAsync(TestActors.Admin, "grafana.internal");

        Assert.Empty((await _store.Outbound.AllowListAsync(TestActors.Admin)).Rules);
        Assert.Equal(OutboundActions.Remove, _store.Audit.Head()!.Action);
    }

    [Fact]
    public async Task Remove_UnknownRule_NotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(() => _store.Outbound.RemoveAsync(TestActors.Admin, "10.0.0.0/8"));
}
