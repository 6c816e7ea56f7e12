using System.Reflection;
using LiteDB.Engine;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// LiteDB 5.0.20's Commit() hands the log pages to a queue that a background thread writes, and returns before they
/// reach the file (DiskService.WriteAsync, DiskWriterQueue). An answer sent at that moment could name a write that a
/// killed process never wrote. 5.0.20 has no public way to wait for that queue, so this reaches its Wait() through the
/// engine's private disk service; the names are checked when the type loads, so an upgrade that changes them fails at
/// start, not silently.
/// </summary>
internal static class LogQueue
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
    private static readonly FieldInfo DiskField = typeof(LiteEngine).GetField("_disk", Private) ?? throw Unsupported("LiteEngine._disk");
    private static readonly PropertyInfo QueueProperty =
        DiskField.FieldType.GetProperty("Queue") ?? throw Unsupported("DiskService.Queue");
    private static readonly PropertyInfo IsCreated = QueueProperty.PropertyType.GetProperty("IsValueCreated")!;
    private static readonly PropertyInfo Value = QueueProperty.PropertyType.GetProperty("Value")!;
    private static readonly MethodInfo Wait = Value.PropertyType.GetMethod("Wait") ?? throw Unsupported("DiskWriterQueue.Wait");

    /// <summary>Returns once every page queued so far was handed to the log stream.</summary>
    public static void WaitUntilWritten(LiteEngine engine)
    {
        var lazyQueue = QueueProperty.GetValue(DiskField.GetValue(engine));
        if (lazyQueue is not null && (bool)IsCreated.GetValue(lazyQueue)!)
        {
            Wait.Invoke(Value.GetValue(lazyQueue), null);
        }
    }

    private static NotSupportedException Unsupported(string member) =>
        new($"This LiteDB version has no {member}; the store waits on it to acknowledge only written commits (see LogQueue).");
}
