using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Lockdown;

/// <summary>A real store on a hand-moved clock with two switches (one protective, engaged) and an open incident.</summary>
public sealed class LockdownScene : IDisposable
{
    public const string Plain = "ai-kill-switch";
    public const string Protective = "bad-pack-kill-switch";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public TestStore Store { get; private set; } = null!;

    public Incident Incident { get; private set; } = null!;

    public LockdownService Lockdown => Store.Lockdown;

    public static async Task<LockdownScene> CreateAsync()
    {
        var scene = new LockdownScene();
        scene.Store = new TestStore(scene.Clock);
        var switches = scene.Store.KillSwitches;
        await switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Plain, null, "AI lane off", DefaultOn: false));
        await switches.CreateAsync(TestActors.Admin, new KillSwitchDefinition(Protective, null, "Bad pack contained", DefaultOn: true, Protective: true));
        scene.Incident = await scene.Store.Incidents.OpenAsync(
            TestActors.Omar, new OpenIncident("Bad pack live", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["nl-ams"], "alert"));
        return scene;
    }

    public Task<LockdownRecord> EngageAsync(Actor? by = null) =>
        Lockdown.EngageAsync(by ?? TestActors.Omar, "bad pack spreading, halt everything", Incident.Id);

    public void Advance(int seconds = 1) => Clock.Now += TimeSpan.FromSeconds(seconds);

    public void Dispose() => Store.Dispose();
}
