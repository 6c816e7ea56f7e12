using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>Timeline counts are kept beside the entries on write, so reading one never walks the incident's entries.</summary>
public sealed class TimelineCountTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task TimelineCount_NotesDecisionsAndPins_KeptPerKindAcrossReopen()
    {
        var incident = await _scene.OpenAsync();
        var note = await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "checksum differs");
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "still differs");
        await _scene.Incidents.RecordDecisionAsync(IncidentScene.Owner, incident.Id, "Roll back", "Repair needs a verifier change");
        await _scene.Incidents.SetPinnedAsync(TestActors.Omar, incident.Id, note.Id, pinned: true);
        _scene.Store.Reopen();

        var counts = (_scene.Incidents.TimelineCount(incident.Id), _scene.Incidents.TimelineCount(incident.Id, TimelineKinds.Note),
            _scene.Incidents.TimelineCount(incident.Id, TimelineKinds.Decision), _scene.Incidents.TimelineCount(incident.Id, TimelineKinds.Rollback));

        Assert.Equal((_scene.Incidents.Timeline(incident.Id).Count, 2, 1, 0), counts);
    }

    [Fact]
    public async Task TimelineCount_IncidentFromBeforeCountsWereKept_CountedFromItsEntriesThenKept()
    {
        var incident = await _scene.OpenAsync();
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "written before counts");
        _scene.Store.Close();
        using (var db = new LiteDatabase($"Filename={_scene.Store.DataFile};Connection=direct"))
        {
            db.DropCollection(LiteSchema.TimelineCounts);
        }

        _scene.Store.Open();
        var uncounted = _scene.Incidents.TimelineCount(incident.Id, TimelineKinds.Note);
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "written after");

        Assert.Equal(1, uncounted);
        Assert.Equal((3, 2), (_scene.Incidents.TimelineCount(incident.Id), _scene.Incidents.TimelineCount(incident.Id, TimelineKinds.Note)));
    }
}
