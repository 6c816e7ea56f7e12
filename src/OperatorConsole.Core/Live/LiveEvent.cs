using System.Text.Json;

namespace OperatorConsole.Core.Live;

/// <summary>
/// A committed change, told to whoever watches its topic. Where a feature can, <see cref="State"/> carries the
/// subject's new state (e.g. a kill switch's key, scope, on, version and who/why) so a client needs no read-back;
/// otherwise subscribers treat the event as a nudge to re-read the subject. The record stays plain JSON so it
/// crosses process boundaries (hub clients, other console instances) unchanged.
/// </summary>
public sealed record LiveEvent(
    string Topic,
    string Kind,
    string Subject,
    string ActorName,
    DateTimeOffset At,
    string? Summary = null,
    long? LedgerSequence = null,
    long? Version = null,
    JsonElement? State = null)
{
    /// <summary>How <see cref="State"/> is written and read: the web defaults (camelCase) hub clients see.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The state this event carries as <typeparamref name="T"/>, or null when it carries none.</summary>
    public T? StateAs<T>() where T : class => State is { } state ? state.Deserialize<T>(Json) : null;
}
