using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Scopes;

public sealed class ScopeServiceTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Rebind_NewActive_PreviousActiveBecomesLastKnownGood()
    {
        await ScopeScene.CreateAsync(_store);
        await ScopeScene.RebindAsync(_store, ScopeScene.V1);

        var result = await ScopeScene.RebindAsync(_store, ScopeScene.V2, "weekly refresh");

        Assert.Equal((ScopeScene.V2, ScopeScene.V1), (result.Scope.ActiveManifestId, result.Scope.LastKnownGoodId));
        var active = _store.Scopes.Active(ScopeScene.ScopeId);
        Assert.Equal((ScopeScene.V2, ScopeScene.V1, 2L), (active.Active.Id, active.LastKnownGood!.Id, active.Version));
        Assert.Equal([ScopeScene.V3], _store.Scopes.Detail(ScopeScene.ScopeId).Candidates.Select(c => c.Id));
    }

    [Fact]
    public async Task Rebind_BackToLastKnownGood_KeepsLastKnownGood()
    {
        await ScopeScene.CreateAsync(_store);
        await ScopeScene.RebindAsync(_store, ScopeScene.V1);
        await ScopeScene.RebindAsync(_store, ScopeScene.V2);

        var result = await ScopeScene.RebindAsync(_store, ScopeScene.V1, "roll back");

        Assert.Equal((ScopeScene.V1, ScopeScene.V1), (result.Scope.ActiveManifestId, result.Scope.LastKnownGoodId));
        Assert.Equal(ScopeScene.V2, result.PreviousActive!.Id);
    }

    [Fact]
    public async Task Rebind_WritesHistoryLedgerAndScopeEvent()
    {
        await ScopeScene.CreateAsync(_store);
        using var events = _store.Broadcaster.Subscribe(Topics.Scope(ScopeScene.ScopeId));
        await ScopeScene.RebindAsync(_store, ScopeScene.V1);

        var result = await ScopeScene.RebindAsync(_store, ScopeScene.V2, "weekly refresh");

        var history = result.Scope.History;
        Assert.Equal([ScopeScene.V1, ScopeScene.V2], history.Select(h => h.ManifestId));
        var last = history[^1];
        Assert.Equal(("omar", "Omar On-call", "weekly refresh", ScopeScene.V1), (last.ActorId, last.ActorName, last.Reason, last.PreviousActiveId));
        var entry = _store.Ledger.Single(e => e.Sequence == last.LedgerSequence);
        Assert.Equal((ScopeService.RebindAction, "scope:porto", LedgerOutcome.Allowed), (entry.Action, entry.Subject, entry.Outcome));
        Assert.Contains(ScopeScene.V2, entry.Payload, StringComparison.Ordinal);
        var kinds = new List<string>();
        while (events.Reader.TryRead(out var e))
        {
            kinds.Add(e.Kind);
        }

        Assert.Equal(2, kinds.Count(k => k == "scope.rebound"));
    }

    [Fact]
    public async Task Rebind_TokenOfAnotherActor_RefusedAndNothingChanges()
    {
        await ScopeScene.CreateAsync(_store);
        await ScopeScene.RebindAsync(_store, ScopeScene.V1);
        var request = await _store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V2);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _store.Scopes.RebindAsync(TestActors.Olga, request.Token, ScopeScene.ScopeId, ScopeScene.V2, "mine now"));

        Assert.Equal(ScopeScene.V1, _store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        Assert.Equal(LedgerOutcome.Denied, _store.Ledger[^1].Outcome);
    }

    [Fact]
    public async Task Rebind_UsedToken_RefusedAsStale()
    {
        await ScopeScene.CreateAsync(_store);
        var request = await _store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V1);
        await _store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V1, "first");

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            _store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V1, "again"));

        Assert.Contains("already", ex.Message, StringComparison.Ordinal);
        Assert.Single(_store.Scopes.Get(ScopeScene.ScopeId)!.History);
    }

    [Fact]
    public async Task Rebind_TokenForAnotherManifest_RefusedAndNothingChanges()
    {
        await ScopeScene.CreateAsync(_store);
        await ScopeScene.RebindAsync(_store, ScopeScene.V1);
        var request = await _store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V2);

        await Assert.ThrowsAsync<ConflictException>(() =>
            _store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V3, "swapped"));

        Assert.Equal(ScopeScene.V1, _store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
    }

    [Fact]
    public async Task Rebind_ExpiredToken_Refused()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        using var store = new TestStore(clock);
        await ScopeScene.CreateAsync(store);
        var request = await store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V1);
        clock.Now += TimeSpan.FromMinutes(3);

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V1, "late"));

        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestRebind_UnknownScopeOrManifest_NotFoundAndNoToken()
    {
        await ScopeScene.CreateAsync(_store);
        var before = _store.Ledger.Count;

        await Assert.ThrowsAsync<NotFoundException>(() => _store.Scopes.RequestRebindAsync(TestActors.Omar, "lisbon", ScopeScene.V1));
        await Assert.ThrowsAsync<NotFoundException>(() => _store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, "porto-v9"));

        Assert.Equal(before, _store.Ledger.Count);
    }

    [Fact]
    public async Task RequestRebind_Viewer_Denied()
    {
        await ScopeScene.CreateAsync(_store);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Scopes.RequestRebindAsync(TestActors.Viewer, ScopeScene.ScopeId, ScopeScene.V1));
    }

    [Fact]
    public async Task Rebind_AlreadyActive_ConflictAndTokenStaysUnused()
    {
        await ScopeScene.CreateAsync(_store);
        var request = await _store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V1);
        await ScopeScene.RebindAsync(_store, ScopeScene.V1);

        await Assert.ThrowsAsync<ConflictException>(() =>
            _store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V1, "twice"));

        Assert.Single(_store.Scopes.Get(ScopeScene.ScopeId)!.History);
    }

    [Fact]
    public async Task Rebind_NoReason_RefusedBeforeTheTokenIsUsed()
    {
        await ScopeScene.CreateAsync(_store);
        var request = await _store.Scopes.RequestRebindAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.V1);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V1, " "));

        Assert.Equal(["reason"], ex.Errors.Keys);
        await _store.Scopes.RebindAsync(TestActors.Omar, request.Token, ScopeScene.ScopeId, ScopeScene.V1, "now with a reason");
    }

    [Theory]
    [InlineData("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData("abc123")]
    [InlineData("zz9f0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    public async Task RegisterManifest_BadChecksumFormat_RefusedNamingTheField(string checksum)
    {
        await ScopeScene.CreateAsync(_store);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Scopes.RegisterManifestAsync(TestActors.Rita, ScopeScene.ScopeId, ScopeScene.Input("porto-v4", packChecksum: checksum)));

        Assert.Equal(["packChecksum"], ex.Errors.Keys);
        Assert.Null(_store.Store.Read(s => s.Scopes.GetManifest("porto-v4")));
    }

    [Fact]
    public async Task RegisterManifest_UnknownScope_NotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            _store.Scopes.RegisterManifestAsync(TestActors.Rita, "nowhere", ScopeScene.Input("nowhere-v1")));
    }

    [Fact]
    public async Task RegisterManifest_OnCall_Denied()
    {
        await ScopeScene.CreateAsync(_store);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _store.Scopes.RegisterManifestAsync(TestActors.Omar, ScopeScene.ScopeId, ScopeScene.Input("porto-v4")));
    }

    [Fact]
    public async Task Verify_StoredContentMatches_ReportsMatchForBoth()
    {
        await ScopeScene.CreateAsync(_store);

        var report = await _store.Scopes.VerifyAsync(ScopeScene.V1);

        Assert.True(report.AllMatch);
        Assert.Equal(["manifest", "pack"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.Equal("stored content", c.Source));
    }

    [Fact]
    public async Task Verify_DeclaredPackChecksumDiffers_ReportsPackMismatchOnly()
    {
        await ScopeScene.CreateAsync(_store);
        var wrong = new string('a', 64);
        await _store.Scopes.RegisterManifestAsync(TestActors.Rita, ScopeScene.ScopeId, ScopeScene.Input("porto-bad", packChecksum: wrong));

        var report = await _store.Scopes.VerifyAsync("porto-bad");

        Assert.False(report.AllMatch);
        Assert.True(report.Checks.Single(c => c.Name == "manifest").Match);
        var pack = report.Checks.Single(c => c.Name == "pack");
        Assert.False(pack.Match);
        Assert.Equal(wrong, pack.Expected);
        Assert.Equal(Checksums.Sha256("{\"rules\":[\"porto-bad\"]}"u8.ToArray()), pack.Actual);
    }

    [Fact]
    public async Task Verify_ReadBackUrlUnreachable_ReportsTheProblem()
    {
        await ScopeScene.CreateAsync(_store);

        var report = await _store.Scopes.VerifyAsync(ScopeScene.V1, "/demo/resolver/porto/pack");

        var readBack = report.Checks.Single(c => c.Name == "pack read back");
        Assert.False(readBack.Match);
        Assert.NotNull(readBack.Problem);
        Assert.False(report.AllMatch);
    }

    [Fact]
    public async Task Create_BadIdAndProbeUrl_RefusedNamingFields()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Scopes.CreateAsync(TestActors.Rita, new ScopeDefinition("bad scope!", "x", null, false, "ftp://x", null, null)));

        Assert.Equal(["id", "resolverProbeUrl"], ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Active_NothingBound_NotFound()
    {
        await ScopeScene.CreateAsync(_store);

        Assert.Throws<NotFoundException>(() => _store.Scopes.Active(ScopeScene.ScopeId));
        Assert.Throws<NotFoundException>(() => _store.Scopes.Active("lisbon"));
    }
}
