using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Lockdown;

/// <summary>The parameters a release token is bound to: this lockdown and this reason.</summary>
public sealed record ReleaseParameters(string LockdownId, string Reason);

public sealed partial class LockdownService
{
    /// <summary>
    /// Step one of a release: a confirmation token bound to the active lockdown and the reason. The request is listed
    /// on the lockdown so that, under four-eyes, a second person can find and confirm it.
    /// </summary>
    public async Task<GuardedRequest> RequestReleaseAsync(Actor actor, string? reason, string? operatorId = null)
    {
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.ReleaseLockdown, Subject);
        var why = RequireReason(reason);
        var active = Active() ?? throw new ConflictException("The console is not in lockdown; there is nothing to release.");
        var request = await guarded.RequestAsync(actor, GuardedActionTypes.ReleaseLockdown, active.Id, new ReleaseParameters(active.Id, why));
        await changes.RunAsync(actor, c =>
        {
            var current = c.Session.Lockdown.Get(active.Id)!;
            var pending = new PendingRelease(request.RequestId, c.Actor.Id, c.Actor.DisplayName, c.Now, request.ExpiresAt, request.FourEyes, why);
            c.Session.Lockdown.Upsert(current with { PendingReleases = [.. current.PendingReleases.Where(p => p.ExpiresAt > c.Now), pending] });
            var entry = c.Record(LockdownActions.ReleaseRequest, Subject, new { lockdownId = active.Id, requestId = request.RequestId, reason = why, request.FourEyes, operatorId });
            var waiting = request.FourEyes ? " — waiting for a second person to confirm" : string.Empty;
            c.Publish(Topics.Lockdown, LockdownEvents.ReleaseRequested, active.Id, $"{c.Actor.DisplayName} asked to release the lockdown{waiting}: {why}", entry.Sequence);
            return request;
        });
        return request;
    }

    /// <summary>
    /// A release in one call, for a person at the console: the request, and when no second person is needed (four-eyes
    /// off), its confirmation at once with the requester's own token. Null when the request waits for a second person.
    /// </summary>
    public async Task<LockdownRecord?> ReleaseAsync(Actor actor, string? reason)
    {
        var request = await RequestReleaseAsync(actor, reason);
        return request.FourEyes ? null : await ConfirmReleaseAsync(actor, request.Token);
    }

    /// <summary>
    /// Step two with the token (the API and commands path). <paramref name="reason"/> may be left out: the reason of the
    /// request is used; a different one is a changed parameter and refused.
    /// </summary>
    public async Task<LockdownRecord> ConfirmReleaseAsync(Actor actor, string? token, string? reason = null, string? operatorId = null)
    {
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.ReleaseLockdown, Subject, confirming: true);
        var active = Active() ?? throw new ConflictException("The console is not in lockdown; there is nothing to release.");
        var requestId = string.IsNullOrEmpty(token) || token.Length > 100 ? null : ConfirmationTokens.Hash(token)[..12];
        var why = string.IsNullOrWhiteSpace(reason)
            ? active.PendingReleases.FirstOrDefault(p => p.RequestId == requestId)?.Reason ?? string.Empty
            : reason.Trim();
        var parameters = new ReleaseParameters(active.Id, why);
        return await guarded.RunGuardedAsync(actor, token ?? string.Empty, GuardedActionTypes.ReleaseLockdown, active.Id, parameters,
            (c, confirmation) => Release(c, active.Id, why, confirmation, operatorId));
    }

    /// <summary>
    /// Step two in the UI under four-eyes: the second person confirms a listed request by its id. The token stays with
    /// the requester's step; the confirmer's own sign-in and role are the second eye (see docs/lockdown.md).
    /// </summary>
    public async Task<LockdownRecord> ConfirmReleaseRequestAsync(Actor actor, string requestId)
    {
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.ReleaseLockdown, Subject, confirming: true);
        var active = Active() ?? throw new ConflictException("The console is not in lockdown; there is nothing to release.");
        var pending = active.PendingReleases.FirstOrDefault(p => p.RequestId == requestId)
            ?? throw new NotFoundException($"No pending release request '{requestId}'.");
        var parameters = new ReleaseParameters(active.Id, pending.Reason);
        return await guarded.RunGuardedByRequestAsync(actor, requestId, GuardedActionTypes.ReleaseLockdown, active.Id, parameters,
            (c, confirmation) => Release(c, active.Id, pending.Reason, confirmation, operatorId: null));
    }

    private static LockdownRecord Release(Change c, string lockdownId, string reason, GuardedConfirmation confirmation, string? operatorId)
    {
        var current = c.Session.Lockdown.Get(lockdownId);
        if (current is not { Active: true })
        {
            throw new ConflictException("This lockdown was already released.");
        }

        var released = current with
        {
            PendingReleases = [],
            Release = new LockdownRelease(
                reason, confirmation.RequestedByName, c.Actor.Id, c.Actor.DisplayName, c.Now, confirmation.RequestId, confirmation.FourEyes),
        };
        c.Session.Lockdown.Upsert(released);
        var entry = c.Record(LockdownActions.Release, Subject, new
        {
            lockdownId, reason, requestId = confirmation.RequestId, requestedBy = confirmation.RequestedBy, confirmation.FourEyes, operatorId,
        });
        if (current.IncidentId is not null && c.Session.Incidents.Get(current.IncidentId) is not null)
        {
            IncidentTimeline.Append(c, current.IncidentId, TimelineKinds.KillSwitch, "Emergency lockdown released", reason);
        }

        var by = confirmation.FourEyes ? $"{confirmation.RequestedByName} and {c.Actor.DisplayName}" : c.Actor.DisplayName;
        c.Publish(Topics.Lockdown, LockdownEvents.Released, lockdownId, $"Lockdown released by {by}: {reason}", entry.Sequence);
        return released;
    }
}
