namespace OperatorConsole.Core.Scopes;

public interface IScopeRepository
{
    Scope? Get(string id);

    /// <summary>Every scope, by id.</summary>
    IReadOnlyList<Scope> All();

    void Upsert(Scope scope);

    Manifest? GetManifest(string id);

    /// <summary>A scope's manifests, newest created first.</summary>
    IReadOnlyList<Manifest> Manifests(string scopeId);

    void Upsert(Manifest manifest);
}
