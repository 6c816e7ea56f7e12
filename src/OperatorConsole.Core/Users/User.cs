using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Users;


public sealed record User
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required Role Roles { get; init; }
    public required string PasswordHash { get; init; }
    public bool DarkMode { get; init; }
    public bool Disabled { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The ledger entry that last changed the security fields; see <see cref="Audit.SecurityRecords"/>.</summary>
    public long? LedgerSequence { get; init; }

    public Actor ToActor() => new(Id, DisplayName, Roles);
}

/// <summary>A key for scripts and services. Only the SHA-256 of the secret is kept.</summary>
public sealed record ApiKey
{
    /// <summary>How an API key's actor id begins; the rest is the key's id.</summary>
    public const string ActorIdPrefix = "apikey:";

    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Role Roles { get; init; }
    public required string SecretHash { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The ledger entry that last changed the security fields; see <see cref="Audit.SecurityRecords"/>.</summary>
    public long? LedgerSequence { get; init; }

    public Actor ToActor() => new($"{ActorIdPrefix}{Id}", $"API key '{Name}'", Roles);
}
