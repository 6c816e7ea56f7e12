namespace OperatorConsole.Core.Live;

/// <summary>
/// One immutable state of a shared snapshot: <see cref="Version"/> counts its changes, <see cref="Changes"/> are the
/// events that made it (empty for the first load). Readers hold the same object; nobody copies or mutates it.
/// </summary>
public sealed record Versioned<T>(long Version, T Value, IReadOnlyList<LiveEvent> Changes);
