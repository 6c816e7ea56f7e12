using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Sessions;

namespace OperatorConsole.Core.Users;

public sealed partial class UserService(ChangeRunner changes, IPasswordHashing hashing, SignInFailures failures, ILogger<UserService> logger)
{
    public const int MinPasswordLength = 8;

    /// <summary>
    /// Returns the signed-in actor, or null; both outcomes are in the ledger (failures aggregated per name, address and
    /// window by <see cref="SignInFailures"/>), never the password.
    /// </summary>
    public async Task<Actor?> SignInAsync(string userName, string password, string? address = null)
    {
        var id = IdOf(userName);
        var user = Find(id);
        var ok = user is { Disabled: false } && hashing.Verify(user.PasswordHash, password ?? string.Empty);
        if (!ok)
        {
            await failures.RecordAsync(new Actor(SignInId(id), id, Role.None), address);
            return null;
        }

        var actor = user!.ToActor();
        await changes.RunAsync(actor, c => c.Record(SessionActions.SignIn, $"user:{actor.Id}", new { address }));
        return actor;
    }

    /// <summary>
    /// The id a user name stands for: names are case-insensitive, ids lowercase. Both stores compare ids exactly, so a
    /// name typed by a person is turned into its id here before any lookup.
    /// </summary>
    public static string IdOf(string? userName) => (userName ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>The user id a sign-in name stands for ("unknown" when it could not be one), as the failure counts key it.</summary>
    public static string SignInId(string? userName)
    {
        var id = IdOf(userName);
        return UserIdPattern().IsMatch(id) ? id : "unknown";
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

    /// <summary>Whether someone can administer this console; without it the first Admin comes from the host's admin command.</summary>
    public bool HasActiveAdmin() => List().Any(u => !u.Disabled && u.Roles.HasFlag(Role.Admin));

    public async Task<User> CreateAsync(Actor actor, string userName, string displayName, string password, Role roles)
    {
        var id = IdOf(userName);
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
            c.Require(UserActions.Create, $"user:{userName}");
            if (c.Session.Users.Get(id) is not null)
            {
                throw new ConflictException($"A user named '{id}' already exists.");
            }

            var created = user with { CreatedAt = c.Now };
            var entry = c.Record(UserActions.Create, $"user:{id}",
                new { displayName = user.DisplayName, roles = Roles.Names(roles), digest = SecurityRecords.Digest(created) });
            c.Session.Users.Upsert(created with { LedgerSequence = entry.Sequence });
            c.Publish(Topics.Users, "user.created", id, user.DisplayName, entry.Sequence);
            return user;
        });
    }

    public async Task SetRolesAsync(Actor actor, string userId, Role roles)
    {
        if (roles == Role.None)
        {
            throw new DomainValidationException("Give the user at least one role.");
        }

        await changes.RunAsync(actor, c =>
        {
            c.Require(UserActions.SetRoles, $"user:{userId}");
            var user = c.Session.Users.Get(userId) ?? throw new NotFoundException($"No user '{userId}'.");
            if (user.Id == c.Actor.Id && !roles.HasFlag(Role.Admin))
            {
                throw new DomainValidationException("You cannot remove your own Admin role.");
            }

            var changed = user with { Roles = roles };
            var entry = c.Record(UserActions.SetRoles, $"user:{userId}",
                new { from = Roles.Names(user.Roles), to = Roles.Names(roles), digest = SecurityRecords.Digest(changed) });
            c.Session.Users.Upsert(changed with { LedgerSequence = entry.Sequence });
            c.Publish(Topics.Users, "user.roles-changed", userId, string.Join(", ", Roles.Names(roles)), entry.Sequence);
            return true;
        });
    }

    /// <summary>Sets a new password (the host's admin command, for a forgotten one); the ledger names the user, never the password.</summary>
    public async Task ResetPasswordAsync(Actor actor, string userId, string password)
    {
        ValidatePassword(password);
        var hash = hashing.Hash(password);
        await changes.RunAsync(actor, c =>
        {
            c.Require(UserActions.ResetPassword, $"user:{userId}");
            var user = c.Session.Users.Get(userId) ?? throw new NotFoundException($"No user '{userId}'.");
            var changed = user with { PasswordHash = hash };
            var entry = c.Record(UserActions.ResetPassword, $"user:{userId}", new { digest = SecurityRecords.Digest(changed) });
            c.Session.Users.Upsert(changed with { LedgerSequence = entry.Sequence });
            return true;
        });
    }

    /// <summary>A person's own display preference; any signed-in user may set it.</summary>
    public Task SetDarkModeAsync(Actor actor, bool darkMode) =>
        changes.RunAsync(actor, c =>
        {
            var user = c.Session.Users.Get(actor.Id) ?? throw new NotFoundException($"No user '{actor.Id}'.");
            c.Session.Users.Upsert(user with { DarkMode = darkMode });
            c.Record(UserActions.SetDarkMode, $"user:{actor.Id}", new { darkMode });
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
