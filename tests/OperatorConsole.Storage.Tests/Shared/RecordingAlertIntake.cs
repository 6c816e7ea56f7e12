using System.Collections.Concurrent;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// Sits in front of the real intake and records what the console sent, by source, before passing it on.
/// Set <see cref="Refuse"/> to make it throw as a failing intake would.
/// </summary>
public sealed class RecordingAlertIntake : IAlertIntake
{
    private readonly ConcurrentQueue<(string Source, IncomingAlert Alert)> _received = new();
    private IAlertIntake? _next;

    public RecordingAlertIntake Forwarding(IAlertIntake next)
    {
        _next = next;
        return this;
    }

    public bool Refuse { get; set; }

    public IReadOnlyList<(string Source, IncomingAlert Alert)> Received => [.. _received];

    public IReadOnlyList<IncomingAlert> From(string source) => [.. _received.Where(r => r.Source == source).Select(r => r.Alert)];

    public Task ReceiveAsync(Actor actor, string source, IReadOnlyList<IncomingAlert> alerts, CancellationToken cancellationToken = default)
    {
        if (Refuse)
        {
            throw new InvalidOperationException("The test intake refuses alerts.");
        }

        foreach (var alert in alerts)
        {
            _received.Enqueue((source, alert));
        }

        return _next?.ReceiveAsync(actor, source, alerts, cancellationToken) ?? Task.CompletedTask;
    }
}
