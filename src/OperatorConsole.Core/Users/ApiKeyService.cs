using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Users;

public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>
/// Keys look like <c>oc_{id}_{secret}</c>. The secret has 256 random bits, so a plain SHA-256 of it
/// is a safe verifier; the id lets us find the record without scanning.
/// </summary>
public sealed class ApiKeyService(ChangeRunner changes, ILogger<ApiKeyService> logger)
{
    private const string Prefix = "oc_";

    /// <summary>
    /// Keys whose record matched the ledger entry it cites: the key's id, that entry's sequence and the record's digest.
    /// A ledger entry never changes once written (the chain and its checkpoints guard it), so the match holds while the
    /// record cites the same entry with the same security fields; any other record is checked against the ledger again.
    /// The record itself is still read on every request, so a revoke or a role change counts at once.
    /// </summary>
    private readonly ConcurrentDictionary<string, (long? Sequence, string Digest)> _matched = new();

    public IReadOnlyList<ApiKey> List() => changes.Store.Read(s => s.ApiKeys.All());

    public async Task<CreatedApiKey> CreateAsync(Actor actor, string name, Role roles)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 60)
        {
            throw new DomainValidationException("Name the key (at most 60 characters), e.g. the service that will use it.");
        }

        if (roles == Role.None)
        {
            throw new DomainValidationException("Give the key at least one role.");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = id,
            Name = name.Trim(),
            Roles = roles,
            SecretHash = HashSecret(secret),
            CreatedBy = actor.Id,
            CreatedAt = changes.Now,
        };
        await changes.RunAsync(actor, c =>
        {
            c.Require(UserActions.CreateApiKey, $"api-key:{name}");
            var entry = c.Record(UserActions.CreateApiKey, $"api-key:{id}",
                new { name = key.Name, roles = Roles.Names(roles), digest = SecurityRecords.Digest(key) });
            c.Session.ApiKeys.Upsert(key with { LedgerSequence = entry.Sequence });
            return entry;
        });
        return new CreatedApiKey(key, $"{Prefix}{id}_{secret}");
    }

    public async Task RevokeAsync(Actor actor, string id)
    {
        await changes.RunAsync(actor, c =>
        {
            c.Require(UserActions.RevokeApiKey, $"api-key:{id}");
            var key = c.Session.ApiKeys.Get(id) ?? throw new NotFoundException($"No API key '{id}'.");
            var revoked = key with { RevokedAt = c.Now };
            var entry = c.Record(UserActions.RevokeApiKey, $"api-key:{id}", new { name = key.Name, digest = SecurityRecords.Digest(revoked) });
            c.Session.ApiKeys.Upsert(revoked with { LedgerSequence = entry.Sequence });
            return entry;
        });
    }

    /// <summary>The actor for a presented key, or null when it is malformed, unknown or revoked.</summary>
    public Actor? Authenticate(string? presented)
    {
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = presented[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2)
        {
            return null;
        }

        // A revoked key is answered like an unknown one, before its record is checked against the ledger.
        var (key, problem) = changes.Store.Read(s => s.ApiKeys.Get(parts[0]) is { RevokedAt: null } k ? (k, RecordProblem(s.Ledger, k)) : (null, null));
        if (key is null)
        {
            return null;
        }

        if (problem is not null)
        {
            logger.LogWarning("API key {ApiKeyId} refused: its record does not match the ledger ({RecordProblem})", key.Id, problem);
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(HashSecret(parts[1])));
        return matches ? key.ToActor() : null;
    }

    // Reading the cited entry and parsing its payload on every request cost about a tenth of a note's CPU under load.
    private string? RecordProblem(ILedgerRepository ledger, ApiKey key)
    {
        var checkedRecord = (key.LedgerSequence, SecurityRecords.Digest(key));
        if (_matched.TryGetValue(key.Id, out var matched) && matched == checkedRecord)
        {
            return null;
        }

        var problem = SecurityRecords.Problem(ledger, key);
        if (problem is null)
        {
            _matched[key.Id] = checkedRecord;
        }

        return problem;
    }

    private static string HashSecret(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

}
