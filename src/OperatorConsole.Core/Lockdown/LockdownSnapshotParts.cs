using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Lockdown;

/// <summary>
/// One part of the pre-halt snapshot, read inside the lockdown's transaction. EXTENSION POINT: a feature whose state
/// belongs in the snapshot registers its own part in DI (<c>services.AddSingleton&lt;ILockdownSnapshotPart, …&gt;()</c>);
/// the active manifests per scope (Core/Scopes, in progress) are meant to arrive as a part named "active_manifests".
/// </summary>
public interface ILockdownSnapshotPart
{
    /// <summary>The snake_case field of the snapshot this part fills; unique.</summary>
    string Name { get; }

    JsonNode? Capture(IStoreSession session);
}

/// <summary>Serializes parts the way evidence bundles do: snake_case, enums as strings.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Json);
}

/// <summary>Every kill switch's state and the global version.</summary>
public sealed class KillSwitchesSnapshotPart : ILockdownSnapshotPart
{
    public string Name => "kill_switches";

    public JsonNode? Capture(IStoreSession session) => new JsonObject
    {
        ["version"] = session.KillSwitches.CurrentVersion(),
        ["switches"] = SnapshotJson.Node(session.KillSwitches.All().Select(s => new
        {
            s.Key,
            s.Scope,
            s.On,
            s.DefaultOn,
            s.Protective,
            s.Version,
            s.Tested,
            s.ValidationPending,
            s.LastChange,
        })),
    };
}

/// <summary>The incidents not yet resolved.</summary>
public sealed class OpenIncidentsSnapshotPart : ILockdownSnapshotPart
{
    public string Name => "open_incidents";

    public JsonNode? Capture(IStoreSession session) => SnapshotJson.Node(session.Incidents.All().Where(i => i.IsOpen).Select(i => new
    {
        i.Id,
        i.Title,
        i.Severity,
        i.Class,
        i.Status,
        i.Scopes,
        i.OnCallOperator,
        i.Owner,
        i.OpenedBy,
        i.OpenedAt,
    }));
}

/// <summary>The failure status services last reported.</summary>
public sealed class FailureStatusSnapshotPart : ILockdownSnapshotPart
{
    public string Name => "failure_status";

    public JsonNode? Capture(IStoreSession session) => SnapshotJson.Node(session.FailureStatus.Current());
}
