using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace OperatorConsole.Testing;

/// <summary>Every log event the host writes, kept in memory so a test can assert that no fault was logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Events at Error or above, rendered with their exception type, oldest first.</summary>
    public IReadOnlyList<string> Errors() =>
        [.. _events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => Shorten($"{e.Level}: {e.RenderMessage()} {e.Exception?.GetType().Name} {e.Exception?.Message}"))];

    /// <summary>Every event rendered with its exception, oldest first, for asserting what never reaches the log.</summary>
    public IReadOnlyList<string> All() =>
        [.. _events.Select(e => $"{e.Level}: {e.RenderMessage()} {e.Exception}")];

    private static string Shorten(string line) => line.Length <= 400 ? line : line[..400] + "…";
}
