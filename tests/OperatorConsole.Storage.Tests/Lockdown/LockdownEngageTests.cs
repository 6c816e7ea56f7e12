using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

public sealed class LockdownEngageTests : IAsyncLifetime
{
    private LockdownScene _scene = null!;

    public async Task InitializeAsync() => _scene = await LockdownScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Engage_ByOnCall_RecordsWhoWhenWhyAndASealedPreHaltSnapshot()
    {
        var record = await _scene.EngageAsync();

        Assert.Equal(("omar", "bad pack spreading, halt everything", _scene.Clock.Now), (record.EngagedBy, record.Reason, record.EngagedAt));
        Assert.Equal(record.Id, _scene.Lockdown.Active()?.Id);
        var snapshot = _scene.Lockdown.Snapshot(record.Id);
        Assert.Equal(record.SnapshotHash, snapshot.IntegrityHash);
        Assert.True(LockdownSnapshotBundle.Verify(snapshot.Json));
        var json = JsonNode.Parse(snapshot.Json)!;
        var switches = json["kill_switches"]!["switches"]!.AsArray();
        Assert.Equal(2, switches.Count);
        Assert.Contains(switches, s => (string)s!["key"]! == LockdownScene.Protective && (bool)s["on"]! && (bool)s["protective"]!);
        Assert.Equal(_scene.Incident.Id, (string)json["open_incidents"]![0]!["id"]!);
        Assert.Equal("NORMAL", (string)json["failure_status"]!["mode"]!);
        var entry = _scene.Store.Ledger[^1];
        Assert.Equal(("lockdown.engage", LedgerOutcome.Allowed), (entry.Action, entry.Outcome));
        Assert.Contains(record.SnapshotHash, entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engage_Snapshot_TamperedContentFailsVerification()
    {
        var record = await _scene.EngageAsync();
        var json = _scene.Lockdown.Snapshot(record.Id).Json;

        Assert.False(LockdownSnapshotBundle.Verify(json.Replace("bad pack spreading", "all fine here", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Engage_NamingAnIncident_AddsATimelineEntryAndPublishesAfterCommit()
    {
        using var subscription = _scene.Store.Broadcaster.Subscribe(Topics.Lockdown);

        var record = await _scene.EngageAsync();

        Assert.Contains(_scene.Store.Incidents.Timeline(_scene.Incident.Id), t => t.Text == "Emergency lockdown engaged");
        Assert.True(subscription.Reader.TryRead(out var published));
        Assert.Equal((LockdownEvents.Engaged, record.Id), (published!.Kind, published.Subject));
    }

    [Fact]
    public async Task Engage_WithoutReason_RefusedAndChangesNothing()
    {
        var before = _scene.Store.Ledger.Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Lockdown.EngageAsync(TestActors.Omar, "  "));

        Assert.Contains("reason", refused.Errors.Keys);
        Assert.Null(_scene.Lockdown.Active());
        Assert.Equal(before, _scene.Store.Ledger.Count);
    }

    [Fact]
    public async Task Engage_ByViewer_DeniedAndLedgered()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.EngageAsync(TestActors.Viewer));

        Assert.Null(_scene.Lockdown.Active());
        Assert.Equal(("lockdown.engage", LedgerOutcome.Denied), (_scene.Store.Ledger[^1].Action, _scene.Store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task Engage_UnknownIncident_NotFoundAndNoLockdown()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _scene.Lockdown.EngageAsync(TestActors.Omar, "halt", "INC-404"));

        Assert.Null(_scene.Lockdown.Active());
    }

    [Fact]
    public async Task Engage_WhileEngaged_ConflictNamesTheFirst()
    {
        await _scene.EngageAsync();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.EngageAsync(TestActors.Olga));

        Assert.Contains("Omar On-call", refused.Message, StringComparison.Ordinal);
        Assert.Single(_scene.Lockdown.History());
    }
}
