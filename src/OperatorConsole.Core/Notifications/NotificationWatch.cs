using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.Notifications;

/// <summary>
/// Decides what is worth a webhook message. Committed events (an incident opened, a lockdown, a kill-switch flip) come
/// from the live broadcaster; rollback timers and launch gates change with the clock and with other features, so a
/// sweep looks at them. Queuing is idempotent per occurrence, so an event seen twice is sent once.
/// </summary>
public sealed class NotificationWatch(ChangeRunner changes, NoGoRules noGo)
{
    /// <summary>The topics whose events can lead to a message or change a launch gate.</summary>
    public static readonly string[] Topics =
        [Live.Topics.Incidents, Live.Topics.Lockdown, Live.Topics.KillSwitches, Live.Topics.Rollbacks, Live.Topics.Launches, Live.Topics.Alerts];

    // Each launch's last seen gate; the first look only sets it, so a restart never reports an old GO.
    private readonly Dictionary<string, bool> _noGo = new(StringComparer.Ordinal);

    public async Task HandleAsync(LiveEvent e, CancellationToken cancellationToken)
    {
        var message = changes.Store.Read(s => MessageFor(s, e));
        if (message is not null)
        {
            await QueueAsync([message], cancellationToken);
        }
    }

    /// <summary>Queues breaches of running (or just finished) rollbacks' timers and launches whose gate went from NO-GO to GO.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var messages = changes.Store.Read(s => (IReadOnlyList<NotificationMessage>)[.. Breaches(s, changes.Now), .. GoneGo(s, changes.Now)]);
        await QueueAsync(messages, cancellationToken);
    }

    private async Task QueueAsync(IReadOnlyList<NotificationMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await changes.RunAsync(Actor.System, c => messages.Sum(m => NotificationOutbox.Enqueue(c, m)), cancellationToken);
    }

    private static NotificationMessage? MessageFor(IStoreSession s, LiveEvent e) => (e.Topic, e.Kind) switch
    {
        (Live.Topics.Incidents, IncidentEvents.Opened) when s.Incidents.Get(e.Subject) is { Severity: IncidentSeverity.Sev1 or IncidentSeverity.Sev2 } incident =>
            new NotificationMessage(NotificationEvent.IncidentOpened, $"incident:{incident.Id}:opened",
                $"{IncidentCatalog.Label(incident.Severity)} incident opened: {incident.Title}",
                $"{IncidentCatalog.Info(incident.Class).Name}{(incident.Scopes.Count > 0 ? $" in {string.Join(", ", incident.Scopes)}" : string.Empty)}, opened by {incident.OpenedBy}.",
                $"incident:{incident.Id}", $"/incidents/{incident.Id}", incident.OpenedAt),
        (Live.Topics.Lockdown, LockdownEvents.Engaged) =>
            new NotificationMessage(NotificationEvent.LockdownEngaged, $"lockdown:{e.Subject}:engaged", "The console is in emergency lockdown",
                e.Summary ?? $"{e.ActorName} locked the console down.", $"lockdown:{e.Subject}", "/lockdown", e.At),
        (Live.Topics.KillSwitches, KillSwitchEvents.Flipped) =>
            new NotificationMessage(NotificationEvent.KillSwitchFlipped, $"kill-switch:{e.Subject}:v{e.Version}:{e.LedgerSequence}", $"Kill switch {e.Subject} flipped",
                e.Summary ?? $"{e.ActorName} flipped {e.Subject}.", $"kill-switch:{e.Subject}", "/kill-switches", e.At),
        _ => null,
    };

    private static IEnumerable<NotificationMessage> Breaches(IStoreSession s, DateTimeOffset now)
    {
        // Drills are practice: their timers are judged on the drill's own page, not announced.
        var recent = s.Rollbacks.List().Where(r => !r.Drill && (r.Status == RollbackStatus.Running || r.CompletedAt > now.AddDays(-1)));
        foreach (var run in recent)
        {
            foreach (var (key, timer) in new[] { ("safe-state", RollbackTimers.SafeState(run, now, 0.5)), ("integrity", RollbackTimers.Integrity(run, now, 0.5)) })
            {
                if (timer.Status is TimerStatus.Red or TimerStatus.Missed)
                {
                    yield return new NotificationMessage(NotificationEvent.RollbackTimerBreached, $"rollback:{run.Id}:{key}",
                        $"Rollback of {run.ScopeId}: '{timer.Name}' timer breached",
                        $"Limit {Durations.Format(timer.Limit)}, {Durations.Format(timer.Elapsed)} since the bad publish was confirmed (rollback {run.Id}, started by {run.StartedBy}).",
                        $"rollback:{run.Id}", $"/rollbacks/{run.Id}", now);
                }
            }
        }
    }

    private IEnumerable<NotificationMessage> GoneGo(IStoreSession s, DateTimeOffset now)
    {
        var messages = new List<NotificationMessage>();
        foreach (var launch in s.Launches.List().Where(l => !l.IsComplete))
        {
            var gate = noGo.Evaluate(s, launch, now);
            if (_noGo.TryGetValue(launch.Id, out var wasNoGo) && wasNoGo && !gate.NoGo)
            {
                messages.Add(new NotificationMessage(NotificationEvent.LaunchGo, $"launch:{launch.Id}:go:{now.ToUnixTimeMilliseconds()}",
                    $"Launch of {launch.ReleaseVersion} on {launch.ScopeId} is GO", "Every no-go rule is clear; the sign-offs can go ahead.",
                    $"launch:{launch.Id}", $"/launches/{launch.Id}", now));
            }

            _noGo[launch.Id] = gate.NoGo;
        }

        return messages;
    }
}
