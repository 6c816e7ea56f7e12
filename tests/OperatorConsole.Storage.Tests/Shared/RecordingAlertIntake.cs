using System.Collections.Concurrent;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// Stands in for the alert feature's intake, which lives on another branch: records what the console sent, by source.
/// Set <see cref="Refuse"/> to make it throw as a failing intake would.
/// </summary>
public sealed class RecordingAlertIntake : IAlertIntake
{
    private readonly ConcurrentQueue<(string Source, IncomingAlert Alert)> _received = new();

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

        return Task.CompletedTask;
    }
}
