namespace OperatorConsole.Core.Live;

/// <summary>
/// A committed change, told to whoever watches its topic. Subscribers treat it as a nudge to
/// re-read the subject, so a dropped event under overload never leaves a view wrong for long.
/// </summary>
public sealed record LiveEvent(
    string Topic,
    string Kind,
    string Subject,
    string ActorName,
    DateTimeOffset At,
    string? Summary = null,
    long? LedgerSequence = null,
    long? Version = null);
