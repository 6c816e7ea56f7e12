using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Users;

public sealed partial class UserService(ChangeRunner changes, IPasswordHashing hashing, ILogger<UserService> logger)
{
    public const int MinPasswordLength = 8;

    /// <summary>Returns the signed-in actor, or null; both outcomes are in the ledger, never the password.</summary>
    public async Task<Actor?> SignInAsync(string userName, string password)
    {
        var id = (userName ?? string.Empty).Trim().ToLowerInvariant();
        var user = Find(id);
        var ok = user is { Disabled: false } && hashing.Verify(user.PasswordHash, password ?? string.Empty);
        var actor = ok ? user!.ToActor() : new Actor(UserIdPattern().IsMatch(id) ? id : "unknown", id, Role.None);
        await changes.RunAsync(actor, c => c.Record("user.sign-in", $"user:{actor.Id}", new { }, ok ? LedgerOutcome.Allowed : LedgerOutcome.Denied));
        return ok ? actor : null;
    }

    /// <summary>
    /// The user, or null when there is none or its record no longer matches the ledger entry that last changed it
    /// (edited in the file): such a record is refused at sign-in and for existing sessions, and logged.
    /// </summary>
    public User? Find(string id) => changes.Store.Read(s =>
    {
        var user = s.Users.Get(id);
        var problem = user is null ? null : SecurityRecords.Problem(s.Ledger, user);
        if (problem is null)
        {
            return user;
        }

        logger.LogWarning("User {UserId} refused: its record does not match the ledger ({RecordProblem})", id, problem);
        return null;
    });

    public IReadOnlyList<User> List() => changes.Store.Read(s => s.Users.All());

    public async Task<User> CreateAsync(Actor actor, string userName, string displayName, string password, Role roles)
    {
        await changes.RequireAsync(actor, Role.Admin, "user.create", $"user:{userName}");
        await changes.RequireNotLockedDownAsync(actor, "user.create", $"user:{userName}");
        var id = (userName ?? string.Empty).Trim().ToLowerInvariant();
        if (!UserIdPattern().IsMatch(id))
        {
            throw new DomainValidationException("User name must be 2–32 characters: lowercase letters, digits, '.', '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 80)
        {
            throw new DomainValidationException("Display name is required (at most 80 characters).");
        }

        ValidatePassword(password);
        if (roles == Role.None)
        {
            throw new DomainValidationException("Give the user at least one role.");
        }

        var user = new User
        {
            Id = id,
            DisplayName = displayName.Trim(),
            Roles = roles,
            PasswordHash = hashing.Hash(password),
            CreatedAt = changes.Now,
        };
        return await changes.RunAsync(actor, c =>
        {
            if (c.Session.Users.Get(id) is not null)
            {
                throw new ConflictException($"A user named '{id}' already exists.");
            }

            var created = user with { CreatedAt = c.Now };
            var entry = c.Record("user.create", $"user:{id}",
                new { displayName = user.DisplayName, roles = Roles.Names(roles), digest = SecurityRecords.Digest(created) });
            c.Session.Users.Upsert(created with { LedgerSequence = entry.Sequence });
            c.Publish(Topics.Users, "user.created", id, user.DisplayName, entry.Sequence);
            return user;
        });
    }

    public async Task SetRolesAsync(Actor actor, string userId, Role roles)
    {
        await changes.RequireAsync(actor, Role.Admin, "user.set-roles", $"user:{userId}");
        await changes.RequireNotLockedDownAsync(actor, "user.set-roles", $"user:{userId}");
        if (roles == Role.None)
        {
            throw new DomainValidationException("Give the user at least one role.");
        }

        await changes.RunAsync(actor, c =>
        {
            var user = c.Session.Users.Get(userId) ?? throw new NotFoundException($"No user '{userId}'.");
            if (user.Id == c.Actor.Id && !roles.HasFlag(Role.Admin))
            {
                throw new DomainValidationException("You cannot remove your own Admin role.");
            }

            var changed = user with { Roles = roles };
            var entry = c.Record("user.set-roles", $"user:{userId}",
                new { from = Roles.Names(user.Roles), to = Roles.Names(roles), digest = SecurityRecords.Digest(changed) });
            c.Session.Users.Upsert(changed with { LedgerSequence = entry.Sequence });
            c.Publish(Topics.Users, "user.roles-changed", userId, string.Join(", ", Roles.Names(roles)), entry.Sequence);
            return true;
        });
    }

    /// <summary>A person's own display preference; any signed-in user may set it.</summary>
    public Task SetDarkModeAsync(Actor actor, bool darkMode) =>
        changes.RunAsync(actor, c =>
        {
            var user = c.Session.Users.Get(actor.Id) ?? throw new NotFoundException($"No user '{actor.Id}'.");
            c.Session.Users.Upsert(user with { DarkMode = darkMode });
            c.Record("user.set-dark-mode", $"user:{actor.Id}", new { darkMode });
            return true;
        });

    private static void ValidatePassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength || password.Length > 128)
        {
            throw new DomainValidationException($"Password must be {MinPasswordLength}–128 characters.");
        }
    }

    [GeneratedRegex("^[a-z0-9._-]{2,32}$")]
    private static partial Regex UserIdPattern();
}
