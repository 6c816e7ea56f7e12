using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.KillSwitches;

public sealed class KillSwitchServiceTests : IDisposable
{
    private const string Key = "ai-kill-switch";
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private KillSwitchService Switches => _store.KillSwitches;

    [Fact]
    public async Task Create_ByAdmin_StartsInDefaultStateWithVersionAndLedgerEntry()
    {
        var created = await CreateAsync(defaultOn: true);

        Assert.True(created.On);
        Assert.Equal(1, created.Version);
        Assert.False(created.Tested || created.ValidationPending);
        var entry = _store.Ledger[^1];
        Assert.Equal(("kill-switch.create", $"kill-switch:{Key}@global"), (entry.Action, entry.Subject));
    }

    [Fact]
    public async Task RequestDisable_ViewerForAnUnknownSwitch_RefusedForTheRoleBeforeTheState()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Switches.RequestDisableAsync(TestActors.Viewer, "no-such-switch", null, "because"));

        Assert.Equal(LedgerOutcome.Denied, Assert.Single(_store.Ledger).Outcome);
    }

    [Fact]
    public async Task Create_ByOnCall_RefusedAndLedgeredAsDenied()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Switches.CreateAsync(TestActors.Omar, new KillSwitchDefinition(Key, null, "AI lane off", false)));

        var entry = Assert.Single(_store.Ledger);
        Assert.Equal(("kill-switch.create", LedgerOutcome.Denied), (entry.Action, entry.Outcome));
        Assert.Empty(Switches.List());
    }

    [Fact]
    public async Task Create_BadKeyAndScope_RefusedNamingBothFields()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("AI Switch", "bad scope!", "x", false)));

        Assert.Equal(["key", "scope"], ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_SameKeyAndScopeTwice_Conflict()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<ConflictException>(() => CreateAsync());
    }

    [Fact]
    public async Task Edit_ByAdmin_ChangesDescriptionAndBumpsVersion()
    {
        await CreateAsync();

        var edited = await Switches.EditAsync(TestActors.Admin, Key, null, "Narrows the AI lane", defaultOn: false);

        Assert.Equal(("Narrows the AI lane", 2L), (edited.Description, edited.Version));
        Assert.Equal(SwitchActions.Edited, Switches.History(Key, null, SwitchHistoryPaging.First).Entries[0].Action);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Flip_WithoutReason_RefusedNamingReasonAndNothingChanges(string? reason)
    {
        await CreateAsync();

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => Switches.FlipAsync(TestActors.Omar, Key, null, true, reason));

        Assert.Equal(["reason"], ex.Errors.Keys);
        Assert.False(Switches.Get(Key)!.On);
        Assert.Empty(Switches.Evidence(Key));
    }

    [Fact]
    public async Task Flip_ByViewer_RefusedAndLedgeredAsDenied()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Switches.FlipAsync(TestActors.Viewer, Key, null, true, "malformed output"));

        var entry = _store.Ledger[^1];
        Assert.Equal(("kill-switch.flip", LedgerOutcome.Denied, "vera"), (entry.Action, entry.Outcome, entry.Actor));
        Assert.False(Switches.Get(Key)!.On);
    }

    [Fact]
    public async Task Flip_ByAdminWithoutOnCall_Refused()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Switches.FlipAsync(TestActors.Admin, Key, null, true, "malformed output"));
    }

    [Fact]
    public async Task Flip_ByIncidentOwner_Allowed()
    {
        await CreateAsync();

        var flip = await Switches.FlipAsync(TestActors.Ines, Key, null, true, "fallback path dominant");

        Assert.True(flip.Switch.On);
    }

    [Fact]
    public async Task Flip_ByOnCall_RecordsLastChangeAndPendingEvidence()
    {
        await CreateAsync();

        var flip = await Switches.FlipAsync(TestActors.Omar, Key, null, true, "  malformed AI output spike  ");

        var stored = Switches.Get(Key)!;
        Assert.True(stored.On);
        Assert.Equal(("omar", "malformed AI output spike"), (stored.LastChange!.ActorId, stored.LastChange.Reason));
        Assert.True(stored.ValidationPending);
        var evidence = Assert.Single(Switches.Evidence(Key));
        Assert.Equal(flip.Evidence.Id, evidence.Id);
        Assert.Equal(("global", "Omar On-call", "malformed AI output spike", true), (evidence.Scope, evidence.ActorName, evidence.Reason, evidence.On));
        Assert.Equal(stored.LastChange.At, evidence.ActivatedAt);
        Assert.True(evidence.ValidationPending);
    }

    [Fact]
    public async Task Flip_ToCurrentState_Conflict()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<ConflictException>(() => Switches.FlipAsync(TestActors.Omar, Key, null, false, "already off"));
    }

    [Fact]
    public async Task Flip_UnknownSwitch_NotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Switches.FlipAsync(TestActors.Omar, "no-such-switch", null, true, "why"));
    }

    [Fact]
    public async Task RecordValidation_AfterFlip_EvidenceValidatedAndSwitchNoLongerPending()
    {
        await CreateAsync();
        var flip = await Switches.FlipAsync(TestActors.Omar, Key, null, true, "malformed AI output spike");

        var validated = await Switches.RecordValidationAsync(TestActors.Olga, Key, null, "Representative localities publish baseline-only; no silent degrade.");

        Assert.Equal(flip.Evidence.Id, validated.Id);
        Assert.False(validated.ValidationPending);
        Assert.Equal("Olga On-call", validated.ValidatedBy);
        Assert.False(Switches.Get(Key)!.ValidationPending);
        Assert.False(Assert.Single(Switches.Evidence(Key)).ValidationPending);
    }

    [Fact]
    public async Task RecordValidation_NothingPending_Conflict()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<ConflictException>(() => Switches.RecordValidationAsync(TestActors.Omar, Key, null, "ok"));
    }

    [Fact]
    public async Task RecordValidation_EmptyResult_RefusedNamingResult()
    {
        await CreateAsync();
        await Switches.FlipAsync(TestActors.Omar, Key, null, true, "why");

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => Switches.RecordValidationAsync(TestActors.Omar, Key, null, " "));

        Assert.Equal(["result"], ex.Errors.Keys);
    }

    [Fact]
    public async Task Flip_NamingIncident_AppendsKillSwitchEntryToItsTimeline()
    {
        await CreateAsync();
        var incident = await _store.Incidents.OpenAsync(TestActors.Omar,
            new OpenIncident("AI lane regression", IncidentClass.Other, IncidentSeverity.Sev2, ["zrh"], null));

        var flip = await Switches.FlipAsync(TestActors.Omar, Key, null, true, "widened lane regressed publish", incident.Id);

        var entry = _store.Incidents.Timeline(incident.Id)[^1];
        Assert.Equal(TimelineKinds.KillSwitch, entry.Kind);
        Assert.Contains($"{Key}@global", entry.Text, StringComparison.Ordinal);
        Assert.Equal("widened lane regressed publish", entry.Detail);
        Assert.Equal(incident.Id, flip.Evidence.IncidentId);
    }

    [Fact]
    public async Task Flip_NamingUnknownIncident_NotFoundAndSwitchUnchanged()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Switches.FlipAsync(TestActors.Omar, Key, null, true, "why", "no-such-incident"));

        Assert.False(Switches.Get(Key)!.On);
        Assert.Empty(Switches.Evidence(Key));
    }

    [Fact]
    public async Task Flip_Committed_PublishesOnKillSwitchesTopicWithLedgerSequence()
    {
        await CreateAsync();
        using var subscription = _store.Broadcaster.Subscribe(Topics.KillSwitches);

        await Switches.FlipAsync(TestActors.Omar, Key, null, true, "malformed AI output spike");

        Assert.True(subscription.Reader.TryRead(out var liveEvent));
        Assert.Equal(("kill-switch.flipped", $"{Key}@global"), (liveEvent.Kind, liveEvent.Subject));
        Assert.Contains("malformed AI output spike", liveEvent.Summary, StringComparison.Ordinal);
        Assert.Equal(_store.Ledger[^1].Sequence, liveEvent.LedgerSequence);
    }

    [Fact]
    public async Task Flip_Committed_EventCarriesTheSwitchAsItNowStands()
    {
        await CreateAsync();
        using var subscription = _store.Broadcaster.Subscribe(Topics.KillSwitches);

        await Switches.FlipAsync(TestActors.Omar, Key, null, true, "malformed AI output spike");

        Assert.True(subscription.Reader.TryRead(out var liveEvent));
        var state = liveEvent.StateAs<KillSwitch>()!;
        Assert.Equal((Key, KillSwitch.GlobalScope, true, 2L), (state.Key, state.Scope, state.On, state.Version));
        Assert.Equal("malformed AI output spike", state.LastChange!.Reason);
        Assert.Equal(state.Version, liveEvent.Version);
    }

    [Fact]
    public async Task History_ThreePagesOfTwo_NewestFirstWithoutGapsOrRepeats()
    {
        await CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await Switches.FlipAsync(TestActors.Omar, Key, null, i % 2 == 0, $"flip {i}");
        }

        var first = Switches.History(Key, null, new SwitchHistoryPaging(null, 2));
        var second = Switches.History(Key, null, new SwitchHistoryPaging(first.NextBefore, 2));
        var third = Switches.History(Key, null, new SwitchHistoryPaging(second.NextBefore, 2));

        Assert.Equal([5L, 4L, 3L, 2L, 1L], first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Version));
        Assert.Null(third.NextBefore);
    }

    [Theory]
    [InlineData("abc", null, "before")]
    [InlineData("0", null, "before")]
    [InlineData(null, "0", "limit")]
    [InlineData(null, "201", "limit")]
    public void HistoryPaging_BadInput_ValidationNamesTheField(string? before, string? limit, string field)
    {
        var refusal = Assert.Throws<DomainValidationException>(() => SwitchHistoryPaging.Parse(before, limit));

        Assert.True(refusal.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task Drill_OnSwitch_MarksTestedRestoresStateAndRecordsDrillEvidence()
    {
        await CreateAsync();

        var drill = await Switches.DrillAsync(TestActors.Omar, Key, null, "quarterly drill");

        var stored = Switches.Get(Key)!;
        Assert.True(stored.Tested);
        Assert.False(stored.On);
        Assert.False(stored.ValidationPending);
        var drilled = Switches.History(Key, null, SwitchHistoryPaging.First).Entries.Take(2).Reverse().ToList();
        Assert.Equal([SwitchActions.Drilled, SwitchActions.Drilled], drilled.Select(h => h.Action));
        Assert.Equal([true, false], drilled.Select(h => h.On));
        Assert.True(drill.Evidence.Drill);
        Assert.False(drill.Evidence.ValidationPending);
    }

    [Fact]
    public async Task Drill_ByViewer_RefusedAndNotTested()
    {
        await CreateAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Switches.DrillAsync(TestActors.Viewer, Key, null, "drill"));

        Assert.False(Switches.Get(Key)!.Tested);
        Assert.Equal(LedgerOutcome.Denied, _store.Ledger[^1].Outcome);
    }

    [Fact]
    public async Task Changes_AcrossSwitches_VersionIncreasesMonotonically()
    {
        await CreateAsync();
        await Switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("bad-pack-kill-switch", null, "Roll back the pack", false));
        var versions = new List<long> { Switches.CurrentVersion() };

        versions.Add((await Switches.FlipAsync(TestActors.Omar, Key, null, true, "a")).Switch.Version);
        versions.Add((await Switches.FlipAsync(TestActors.Omar, "bad-pack-kill-switch", null, true, "b")).Switch.Version);
        await Switches.RecordValidationAsync(TestActors.Omar, Key, null, "ok");
        versions.Add(Switches.Get(Key)!.Version);
        versions.Add((await Switches.DrillAsync(TestActors.Omar, "bad-pack-kill-switch", null, "c")).Switch.Version);

        Assert.Equal([2L, 3L, 4L, 5L, 7L], versions);
        Assert.Equal(7, Switches.CurrentVersion());
    }

    [Fact]
    public async Task Snapshot_SinceVersion_ListsOnlySwitchesChangedAfterIt()
    {
        await CreateAsync();
        await Switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("bad-pack-kill-switch", null, "Roll back the pack", false));
        var seen = Switches.CurrentVersion();
        await Switches.FlipAsync(TestActors.Omar, Key, null, true, "why");

        var delta = Switches.Snapshot(seen);
        var full = Switches.Snapshot(0);
        var ahead = Switches.Snapshot(999);

        Assert.False(delta.Full);
        Assert.Equal([Key], delta.Switches.Select(s => s.Key));
        Assert.Equal(3, delta.Version);
        Assert.True(full.Full && ahead.Full);
        Assert.Equal(2, full.Switches.Count);
        Assert.Equal(2, ahead.Switches.Count);
    }

    [Fact]
    public async Task Resolve_ScopeWithoutOwnSwitch_FallsBackToGlobal()
    {
        await CreateAsync();
        await Switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Key, "locality-zrh", "AI lane off in Zurich", false));
        await Switches.FlipAsync(TestActors.Omar, Key, "locality-zrh", true, "Zurich only");

        Assert.True(Switches.Resolve(Key, "locality-zrh")!.On);
        Assert.False(Switches.Resolve(Key, "locality-bern")!.On);
        Assert.Equal("global", Switches.Resolve(Key, "locality-bern")!.Scope);
        Assert.Null(Switches.Resolve("no-such-switch", "locality-bern"));
    }

    [Fact]
    public async Task Flip_ThenReopenStore_StatePersists()
    {
        await CreateAsync();
        await Switches.FlipAsync(TestActors.Omar, Key, null, true, "why");

        _store.Reopen();

        var stored = Switches.Get(Key)!;
        Assert.True(stored.On && stored.ValidationPending);
        Assert.Equal(2, Switches.CurrentVersion());
        Assert.True(_store.Audit.Verify().IsValid);
    }

    private Task<KillSwitch> CreateAsync(bool defaultOn = false) =>
        Switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Key, null, "Disables the AI lane", defaultOn));
}
