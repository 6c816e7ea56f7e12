using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.LaunchDay.Config;
using OperatorConsole.Core.LaunchDay.Probes;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>
/// Launch day (004, DESIGN.md section 9): one launch per release, its validation sequence with evidence, the three
/// sign-offs and the computed no-go gate. Every write goes through <see cref="ChangeRunner"/>; the gate, the duties and
/// the step states are checked inside the write that depends on them. Split by concern: creation and expectations,
/// config, the probe steps, sign-offs and duties, archive.
/// </summary>
public sealed partial class LaunchService(
    ChangeRunner changes,
    NoGoRules noGo,
    Permissions permissions,
    LaunchProbes probes,
    ConfigFetcher fetcher,
    BundleSealer bundles)
{
    public IReadOnlyList<Launch> List(string? scopeId = null) => changes.Store.Read(s => s.Launches.List(scopeId));

    public Launch Get(string id) => changes.Store.Read(s => Find(s, id));

    public LaunchGate Gate(string launchId) => changes.Store.Read(s => noGo.Evaluate(s, Find(s, launchId), changes.Now));

    public SignOffDuties Duties() => changes.Store.Read(s => s.Launches.Duties());

    /// <summary>The launch's ledger entries (its timeline), newest first, including refusals.</summary>
    public IReadOnlyList<LedgerEntry> Timeline(string id) =>
        changes.Store.Read(s => s.Ledger.Query(new LedgerQuery(Subject: SubjectOf(Find(s, id).Id), Limit: 500)));

    public LaunchView View(Actor viewer, string id) => changes.Store.Read(s =>
    {
        var launch = Find(s, id);
        var gate = noGo.Evaluate(s, launch, changes.Now);
        var duties = s.Launches.Duties();
        var steps = Enum.GetValues<LaunchStepKind>().ToDictionary(k => k, k => k == LaunchStepKind.EvidenceArchived
            ? Ask(s, viewer, LaunchActions.Archive, () => ArchiveRefusal(launch, gate))
            : Ask(s, viewer, LaunchActions.Of(k), () => CompleteRefusal(launch)));
        var signOffs = Enum.GetValues<SignOffArea>().ToDictionary(a => a, a =>
            Ask(s, viewer, LaunchActions.SignOff, () => SignOffRefusal(launch, duties, gate, viewer, a)));
        return new LaunchView(launch, gate, steps, signOffs, steps[LaunchStepKind.EvidenceArchived], launch.IsComplete);
    });

    /// <summary>The role and lockdown answer first (as the write checks them), then the launch's own state.</summary>
    private Permission Ask(IStoreSession session, Actor viewer, string action, Func<DomainException?> stateRefusal)
    {
        var rule = permissions.Rule(action) ?? throw new InvalidOperationException($"No rule for {action}.");
        var allowed = Permissions.Decide(session, viewer, rule);
        return !allowed.Allowed ? allowed
            : stateRefusal() is { } refusal ? new Permission(false, refusal.Message, rule.AnyOf)
            : allowed;
    }

    internal static string SubjectOf(string launchId) => $"launch:{launchId}";

    private static Launch Find(IStoreSession session, string id) =>
        session.Launches.Get(id) ?? throw new NotFoundException($"No launch '{id}'.");

    private static ConflictException? CompleteRefusal(Launch launch) =>
        launch.IsComplete ? new ConflictException($"Launch day for {launch.ReleaseVersion} is complete; its record is archived and no longer changes.") : null;

    /// <summary>Loads the launch for a write: unknown → 404, complete → 409.</summary>
    private static Launch Open(Change c, string id)
    {
        var launch = Find(c.Session, id);
        return CompleteRefusal(launch) is { } refusal ? throw refusal : launch;
    }

    /// <summary>Stores the launch (its version one higher), citing <paramref name="entry"/>, and tells everyone watching.</summary>
    private static Launch Store(Change c, Launch launch, LedgerEntry entry, string summary)
    {
        var saved = launch with { Version = launch.Version + 1 };
        c.Session.Launches.Upsert(saved);
        c.Publish(Topics.Launches, entry.Action, saved.Id, summary, entry.Sequence, saved.Version);
        c.Publish(Topics.Launch(saved.Id), entry.Action, saved.Id, summary, entry.Sequence, saved.Version);
        return saved;
    }
}
