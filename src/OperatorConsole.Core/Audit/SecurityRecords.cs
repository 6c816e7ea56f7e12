using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Core.Audit;

/// <summary>
/// Ties security-relevant records (users, API keys, guarded-action policy overrides) to the ledger: the entry that
/// last changed one carries a digest of its security fields in its payload (<see cref="DigestField"/>), and the
/// record cites that entry's sequence. A record edited in the file no longer matches its entry, and the chain and
/// its checkpoints protect the entry. See docs/ledger.md.
/// </summary>
public static class SecurityRecords
{
    public const string DigestField = "digest";

    /// <summary>The entry that adopts a record stored before records cited their entry.</summary>
    public const string AdoptAction = "security-record.adopt";

    public static string Digest(User user) =>
        Sha("user", user.Id, RoleNames(user.Roles), user.PasswordHash, user.Disabled ? "disabled" : "enabled");

    public static string Digest(ApiKey key) =>
        Sha("api-key", key.Id, RoleNames(key.Roles), key.SecretHash, key.RevokedAt is { } at ? LedgerHasher.FormatTimestamp(at) : "active");

    public static string Digest(GuardedActionPolicyOverride policy) =>
        Sha("guarded-policy", policy.ActionType, policy.FourEyes ? "four-eyes" : "single");

    public static string Subject(User user) => $"user:{user.Id}";

    public static string Subject(ApiKey key) => $"api-key:{key.Id}";

    public static string Subject(GuardedActionPolicyOverride policy) => $"guarded-policy:{policy.ActionType}";

    public static string? Problem(ILedgerRepository ledger, User user) => Problem(ledger, Subject(user), user.LedgerSequence, Digest(user));

    public static string? Problem(ILedgerRepository ledger, ApiKey key) => Problem(ledger, Subject(key), key.LedgerSequence, Digest(key));

    public static string? Problem(ILedgerRepository ledger, GuardedActionPolicyOverride policy) =>
        Problem(ledger, Subject(policy), policy.LedgerSequence, Digest(policy));

    /// <summary>Whether the entry records a security record's digest, i.e. the ledger was written by a console that ties records to it.</summary>
    public static bool CarriesDigest(LedgerEntry entry) => RecordedDigest(entry.Payload) is not null;

    /// <summary>Every security record that does not match its ledger entry, named without its secrets.</summary>
    public static IReadOnlyList<string> Problems(IStoreSession s)
    {
        var found = new List<string>();
        foreach (var user in s.Users.All())
        {
            Add(found, $"User '{user.Id}'", Problem(s.Ledger, user));
        }

        foreach (var key in s.ApiKeys.All())
        {
            Add(found, $"API key '{key.Id}'", Problem(s.Ledger, key));
        }

        foreach (var policy in s.GuardedActions.PolicyOverrides())
        {
            Add(found, $"Guarded-action policy '{policy.ActionType}'", Problem(s.Ledger, policy));
        }

        return found;
    }

    private static string? Problem(ILedgerRepository ledger, string subject, long? sequence, string digest)
    {
        if (sequence is not { } seq)
        {
            return "it cites no ledger entry";
        }

        var entry = ledger.Get(seq);
        if (entry is null || entry.Defect is not null)
        {
            return $"the ledger entry {seq} it cites is missing or unreadable";
        }

        if (entry.Subject != subject)
        {
            return $"the ledger entry {seq} it cites is about '{entry.Subject}', not this record";
        }

        return RecordedDigest(entry.Payload) == digest ? null : $"its security fields do not match the digest in ledger entry {seq}";
    }

    private static string? RecordedDigest(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(DigestField, out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Add(List<string> found, string record, string? problem)
    {
        if (problem is not null)
        {
            found.Add($"{record}: {problem}.");
        }
    }

    private static string RoleNames(Role roles) => string.Join(",", Roles.Names(roles));

    // Fields are joined by '\n'; none of them can hold a line feed (ids, role names, hex or base64 hashes, timestamps).
    private static string Sha(params string[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fields))));
}
