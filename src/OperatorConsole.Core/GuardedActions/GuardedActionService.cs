using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.GuardedActions;

/// <summary>
/// Two-step guarded actions (001's confirmation_token). <see cref="RequestAsync"/> hands out a single-use,
/// short-lived token bound to the requester, the action type, the target and a hash of the parameters;
/// the token is then consumed by one of:
/// <list type="bullet">
/// <item><see cref="RunGuardedAsync{T}"/> — PREFERRED: the token use, the action and their ledger entries
/// commit in one transaction; a refusal commits only its 'denied' entry and then throws.</item>
/// <item><see cref="Consume"/> — for a service that is already inside its own <see cref="ChangeRunner.RunAsync{T}"/>:
/// the token use commits with the caller's change; a refusal rolls that change back and commits only its 'denied'
/// entry.</item>
/// <item><see cref="ConfirmAsync"/> — the token alone, when the action runs in a later transaction.</item>
/// </list>
/// Refusals: unknown, used (replay), expired or mismatched tokens are <see cref="ConflictException"/>; a confirmer
/// who is not allowed to confirm (a missing role, checked first; self-approval under four-eyes, someone else's token
/// otherwise) gets <see cref="AccessDeniedException"/>. A refusal changes nothing but the ledger.
/// </summary>
public sealed class GuardedActionService(ChangeRunner changes, GuardedActionPolicies policies)
{
    public const string RequestAction = "guarded.request";
    public const string ConfirmAction = "guarded.confirm";
    public const string PolicyAction = "guarded.policy.set";

    /// <summary>
    /// How long an expired token stays stored: long enough that a late confirmation is told "expired" rather than
    /// "unknown", short enough that the store does not grow with every request. The ledger keeps every request and use.
    /// </summary>
    public static readonly TimeSpan ExpiredTokensKeptFor = TimeSpan.FromDays(1);

    /// <summary>The effective policies: configured ones with the Admin's stored four-eyes choices applied.</summary>
    public IReadOnlyList<GuardedActionPolicy> Policies() =>
        changes.Store.Read(s => policies.Configured.Select(p => policies.Effective(s, p.ActionType)).ToList());

    public Task<GuardedRequest> RequestAsync(Actor actor, string actionType, string target, object? parameters) =>
        RequestCheckedAsync(actor, actionType, target, _ => parameters);

    /// <summary>
    /// Like the overload above, with parameters that depend on the state the token is issued against:
    /// <paramref name="parametersNow"/> runs in the request's own write after the role check, so it reads that state
    /// there and may refuse by throwing (a Viewer is told 403 before any 404 or 409).
    /// </summary>
    /// <summary>
    /// The role check of a guarded action alone, run first by callers that read state or validate input before they
    /// request or confirm, so a caller without the role is told that (403) and nothing about the state; the write that
    /// acts checks the role again.
    /// </summary>
    public Task RequireRoleAsync(Actor actor, string actionType, string target, bool confirming = false) =>
        changes.CheckAsync(actor, c => c.Require(
            policies.Get(actionType).RequiredRole, confirming ? ConfirmAction : RequestAction, Subject(actionType, target)));

    public async Task<GuardedRequest> RequestCheckedAsync(Actor actor, string actionType, string target, Func<Change, object?> parametersNow)
    {
        var policy = policies.Get(actionType);
        if (string.IsNullOrWhiteSpace(target) || target.Length > 200 || target.Any(char.IsControl))
        {
            throw new DomainValidationException("Name the target of the guarded action (at most 200 characters, no control characters).");
        }

        return await changes.RunAsync(actor, c =>
        {
            c.Require(policy.RequiredRole, RequestAction, Subject(actionType, target));
            var token = ConfirmationTokens.NewToken();
            var parametersHash = ConfirmationTokens.HashParameters(parametersNow(c));

            var effective = policies.Effective(c.Session, actionType);
            var pending = new PendingConfirmation
            {
                TokenHash = ConfirmationTokens.Hash(token),
                ActionType = actionType,
                Target = target,
                ParametersHash = parametersHash,
                RequestedBy = actor.Id,
                RequestedByName = actor.DisplayName,
                RequestedAt = c.Now,
                ExpiresAt = c.Now + effective.Lifetime,
                FourEyes = effective.FourEyes,
            };
            c.Session.GuardedActions.DeleteExpiredBefore(c.Now - ExpiredTokensKeptFor);
            c.Session.GuardedActions.Upsert(pending);
            c.Record(RequestAction, Subject(actionType, target), new
            {
                requestId = pending.RequestId,
                actionType,
                target,
                parametersHash,
                expiresAt = pending.ExpiresAt,
                fourEyes = pending.FourEyes,
            });
            return new GuardedRequest(token, pending.RequestId, actionType, target, pending.ExpiresAt, pending.FourEyes);
        });
    }

    /// <summary>Consumes the token in its own transaction; the caller runs the action afterwards.</summary>
    public Task<GuardedConfirmation> ConfirmAsync(Actor actor, string token, string actionType, string target, object? parameters) =>
        RunGuardedAsync(actor, token, actionType, target, parameters, (_, confirmation) => confirmation);

    /// <summary>
    /// Consumes the token and runs <paramref name="action"/> in the same transaction (synchronous, no awaiting).
    /// If <paramref name="action"/> throws, the token stays unused.
    /// </summary>
    public Task<T> RunGuardedAsync<T>(
        Actor actor, string token, string actionType, string target, object? parameters, Func<Change, GuardedConfirmation, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return changes.RunAsync(actor, c => action(c, Consume(c, token, actionType, target, parameters)));
    }

    /// <summary>
    /// Inside the caller's transaction: consumes the token, or refuses the caller's whole change (see
    /// <see cref="Change.Refuse"/>): what it wrote is rolled back and only the 'denied' entry commits.
    /// </summary>
    public GuardedConfirmation Consume(Change c, string token, string actionType, string target, object? parameters)
    {
        ArgumentNullException.ThrowIfNull(c);
        RequireConfirmer(c, actionType, target);
        var pending = string.IsNullOrEmpty(token) || token.Length > 100 ? null : c.Session.GuardedActions.Get(ConfirmationTokens.Hash(token));
        return ConsumePending(c, pending, actionType, target, parameters, Check(c, pending, actionType, target, parameters));
    }

    /// <summary>
    /// Like <see cref="RunGuardedAsync{T}"/>, for the second person of a FOUR-EYES request who confirms in the UI by the
    /// request id (<see cref="PendingConfirmation.RequestId"/>) and never sees the token. The requester's token step
    /// already happened; the confirmer's own identity and role are the second step. A request without four-eyes can
    /// only be confirmed with its token, so this path refuses it; self-approval is refused as always.
    /// </summary>
    public Task<T> RunGuardedByRequestAsync<T>(
        Actor actor, string requestId, string actionType, string target, object? parameters, Func<Change, GuardedConfirmation, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return changes.RunAsync(actor, c =>
        {
            RequireConfirmer(c, actionType, target);
            var pending = string.IsNullOrEmpty(requestId) || requestId.Length != 12 ? null : c.Session.GuardedActions.FindByRequestId(requestId);
            var check = pending is not null && pending.UsedAt is null && !RequiresFourEyes(c, pending)
                ? GuardedRefusal.Denied($"{pending.ActionType} request {pending.RequestId} has no four-eyes: only its requester can confirm it, with the token.")
                : Check(c, pending, actionType, target, parameters);
            return action(c, ConsumePending(c, pending, actionType, target, parameters, check));
        });
    }

    private GuardedConfirmation ConsumePending(
        Change c, PendingConfirmation? pending, string actionType, string target, object? parameters, GuardedRefusal? refusal)
    {
        if (refusal is not null)
        {
            c.Refuse(ConfirmAction, Subject(actionType, target), new
            {
                requestId = pending?.RequestId,
                requestedBy = pending?.RequestedBy,
                actionType,
                target,
                reason = refusal.Message,
            }, refusal.ToException());
        }

        var used = pending! with { UsedAt = c.Now, UsedBy = c.Actor.Id };
        c.Session.GuardedActions.Upsert(used);
        c.Record(ConfirmAction, Subject(actionType, target), new
        {
            requestId = used.RequestId,
            requestedBy = used.RequestedBy,
            actionType,
            target,
            parametersHash = used.ParametersHash,
            fourEyes = RequiresFourEyes(c, used),
        });
        return new GuardedConfirmation(
            used.RequestId, used.ActionType, used.Target, used.ParametersHash, used.RequestedBy, used.RequestedByName,
            used.RequestedAt, c.Actor.Id, c.Actor.DisplayName, c.Now, RequiresFourEyes(c, used));
    }

    /// <summary>Admin only: turns four-eyes on or off for one action type; applies to tokens confirmed from now on.</summary>
    public async Task<GuardedActionPolicy> SetFourEyesAsync(Actor actor, string actionType, bool? fourEyes)
    {
        await changes.CheckAsync(actor, c => c.Require(PolicyAction, $"guarded-policy:{actionType}"));
        var required = fourEyes ?? throw DomainValidationException.ForFields(
            [new FieldProblem("fourEyes", "Say whether a second person must confirm: \"fourEyes\": true or false.")]);
        policies.Get(actionType);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(PolicyAction, $"guarded-policy:{actionType}");

            var before = policies.Effective(c.Session, actionType);
            var stored = new GuardedActionPolicyOverride(actionType, required, actor.Id, c.Now);
            var entry = c.Record(PolicyAction, SecurityRecords.Subject(stored),
                new { actionType, fourEyes = required, was = before.FourEyes, digest = SecurityRecords.Digest(stored) });
            c.Session.GuardedActions.UpsertPolicyOverride(stored with { LedgerSequence = entry.Sequence });
            return before with { FourEyes = required };
        });
    }

    // Four-eyes holds if it was on when the token was issued or is on now: a toggle never loosens a pending request.
    private bool RequiresFourEyes(Change c, PendingConfirmation pending) =>
        pending.FourEyes || policies.Effective(c.Session, pending.ActionType).FourEyes;

    private GuardedRefusal? Check(Change c, PendingConfirmation? pending, string actionType, string target, object? parameters)
    {
        if (pending is null)
        {
            return GuardedRefusal.Conflict("The confirmation token is unknown. Request the action again.");
        }

        if (pending.UsedAt is not null)
        {
            return GuardedRefusal.Conflict(
                $"The confirmation token was already used at {pending.UsedAt:u}; a token works once. Request the action again.");
        }

        if (c.Now >= pending.ExpiresAt)
        {
            return GuardedRefusal.Conflict($"The confirmation token expired at {pending.ExpiresAt:u}. Request the action again.");
        }

        if (!string.Equals(pending.ActionType, actionType, StringComparison.Ordinal) || !string.Equals(pending.Target, target, StringComparison.Ordinal))
        {
            return GuardedRefusal.Conflict(
                $"The confirmation token was issued for {pending.ActionType} on '{pending.Target}', not for {actionType} on '{target}'.");
        }

        if (!string.Equals(pending.ParametersHash, ConfirmationTokens.HashParameters(parameters), StringComparison.Ordinal))
        {
            return GuardedRefusal.Conflict("The parameters changed after the request; request the action again with the new parameters.");
        }

        var policy = policies.Get(pending.ActionType);
        var self = string.Equals(c.Actor.Id, pending.RequestedBy, StringComparison.Ordinal);
        if (RequiresFourEyes(c, pending))
        {
            if (self)
            {
                return GuardedRefusal.Denied(
                    $"You cannot approve your own request: {pending.ActionType} needs a second person with the {RoleNames(policy.RequiredRole)} role to confirm.");
            }
        }
        else if (!self)
        {
            return GuardedRefusal.Denied(
                $"This confirmation token belongs to {pending.RequestedByName}; only the requester can confirm {pending.ActionType}.");
        }

        return null;
    }

    // The confirmer's role comes before anything about the token: a Viewer is told 403 whatever it sends.
    private void RequireConfirmer(Change c, string actionType, string target) =>
        c.Require(policies.Get(actionType).RequiredRole, ConfirmAction, Subject(actionType, target));

    private static string RoleNames(Role roles) => string.Join(" or ", Roles.Names(roles));

    // Caller input lands in the subject; a control character must not turn a refusal into an error.
    private static string Subject(string? actionType, string? target) =>
        new($"guarded:{actionType}:{target}".Where(ch => !char.IsControl(ch)).Take(300).ToArray());
}

/// <summary>Why a token was refused; <see cref="ToException"/> is what the caller is told once the denial is committed.</summary>
internal sealed record GuardedRefusal(string Message, bool IsAccessDenied)
{
    public static GuardedRefusal Conflict(string message) => new(message, IsAccessDenied: false);

    public static GuardedRefusal Denied(string message) => new(message, IsAccessDenied: true);

    public Exception ToException() => IsAccessDenied ? new AccessDeniedException(Message) : new ConflictException(Message);
}
