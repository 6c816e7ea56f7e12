using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Common;

/// <summary>
/// What a service sees while its change runs inside the store transaction: the session, who acts,
/// the time, and the two obligations of every change — a ledger entry and the events to publish.
/// </summary>
public sealed class Change
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);
    private readonly List<LiveEvent> _events = [];

    internal Change(IStoreSession session, Actor actor, DateTimeOffset now)
    {
        Session = session;
        Actor = actor;
        Now = now;
    }

    public IStoreSession Session { get; }

    public Actor Actor { get; }

    public DateTimeOffset Now { get; }

    internal IReadOnlyList<LiveEvent> Events => _events;

    /// <summary>Appends the ledger entry for this change; returns it so events can cite it.</summary>
    public LedgerEntry Record(string action, string subject, object payload, string outcome = LedgerOutcome.Allowed)
    {
        var entry = LedgerHasher.Link(
            Session.Ledger.Head(), Now, Actor.Id, action, subject, outcome, JsonSerializer.Serialize(payload, PayloadJson));
        Session.Ledger.Append(entry);
        Publish(Topics.Ledger, "ledger.appended", entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), action, entry.Sequence);
        return entry;
    }

    /// <summary>
    /// Queues an event; it is published only after the transaction has committed. <paramref name="version"/> is the
    /// feature's own version counter where it has one (kill switches), so a client can tell what it has seen.
    /// </summary>
    public void Publish(string topic, string kind, string subject, string? summary = null, long? ledgerSequence = null, long? version = null) =>
        _events.Add(new LiveEvent(topic, kind, subject, Actor.DisplayName, Now, summary, ledgerSequence, version));
}
