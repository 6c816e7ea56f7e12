namespace OperatorConsole.Core.Scopes;

/// <summary>
/// Event kinds on <see cref="Live.Topics.Scopes"/> and "scope:{id}". A rebind carries the new
/// <see cref="ActiveManifest"/> in its state and the binding version, so a resolving client applies it as is.
/// </summary>
public static class ScopeEvents
{
    public const string Created = "scope.created";
    public const string ManifestRegistered = "scope.manifest-registered";
    public const string Rebound = "scope.rebound";
}
