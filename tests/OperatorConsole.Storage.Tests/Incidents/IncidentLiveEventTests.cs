using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>Events are published once the change is committed, i.e. before the awaited call returns.</summary>
public sealed class IncidentLiveEventTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task Open_PublishesOpenedOnTheIncidentsTopic()
    {
        using var list = _scene.Store.Broadcaster.Subscribe(Topics.Incidents);

        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);

        Assert.True(list.Reader.TryRead(out var opened));
        Assert.Equal((Topics.Incidents, "incident.opened", incident.Id, "Omar On-call"), (opened.Topic, opened.Kind, opened.Subject, opened.ActorName));
        Assert.Equal("SEV-1: Bad pack live in nl-ams", opened.Summary);
        Assert.Equal(_scene.Ledger.Single(e => e.Action == "incident.open").Sequence, opened.LedgerSequence);
        Assert.False(list.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Open_PublishesTheOpeningEntryOnTheIncidentsOwnTopic()
    {
        using var watcher = _scene.Store.Broadcaster.Subscribe(Topics.Incident("INC-0001"));

        await _scene.OpenAsync();

        Assert.True(watcher.Reader.TryRead(out var entry));
        Assert.Equal(("incident.timeline", _scene.Incidents.Timeline("INC-0001")[0].Id), (entry.Kind, entry.Subject));
    }

    [Fact]
    public async Task AddNote_PublishesTheEntryOnTheIncidentTopic()
    {
        var incident = await _scene.OpenAsync();
        using var watcher = _scene.Store.Broadcaster.Subscribe(Topics.Incident(incident.Id));

        var note = await _scene.Incidents.AddNoteAsync(TestActors.Olga, incident.Id, "checksum differs");

        Assert.True(watcher.Reader.TryRead(out var published));
        Assert.Equal((Topics.Incident(incident.Id), "incident.timeline", note.Id, "checksum differs", "Olga On-call"),
            (published.Topic, published.Kind, published.Subject, published.Summary, published.ActorName));
        Assert.False(watcher.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Move_PublishesOnTheListAndTheIncidentTopic()
    {
        var incident = await _scene.OpenAsync();
        using var watcher = _scene.Store.Broadcaster.Subscribe(Topics.Incidents, Topics.Incident(incident.Id));

        await _scene.Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        // Two timeline lines: the move, and Omar taking ownership by acknowledging.
        var events = Drain(watcher);
        Assert.Equal(
            [(Topics.Incidents, "incident.move"), (Topics.Incident(incident.Id), "incident.timeline"), (Topics.Incident(incident.Id), "incident.timeline")],
            events.Select(e => (e.Topic, e.Kind)));
    }

    [Fact]
    public async Task RunStepForIncident_PublishesTheEntryOnTheIncidentTopic()
    {
        await _scene.Store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        var incident = await _scene.OpenAsync();
        var run = await _scene.Store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug, incidentId: incident.Id);
        using var watcher = _scene.Store.Broadcaster.Subscribe(Topics.Incident(incident.Id));

        await _scene.Store.Runs.CheckStepAsync(TestActors.Omar, run.Id, run.Steps[0].StepId);

        var published = Assert.Single(Drain(watcher));
        Assert.Equal($"Step done: {run.Steps[0].Definition.Text}", published.Summary);
    }

    [Fact]
    public async Task RefusedMove_PublishesNothingOnIncidentTopics()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Contained);
        using var watcher = _scene.Store.Broadcaster.Subscribe(Topics.Incidents, Topics.Incident(incident.Id));

        await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Detected));

        Assert.Empty(Drain(watcher));
    }

    private static List<LiveEvent> Drain(LiveSubscription subscription)
    {
        var events = new List<LiveEvent>();
        while (subscription.Reader.TryRead(out var item))
        {
            events.Add(item);
        }

        return events;
    }
}
