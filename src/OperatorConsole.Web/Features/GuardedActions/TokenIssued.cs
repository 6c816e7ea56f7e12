using OperatorConsole.Core.GuardedActions;

namespace OperatorConsole.Web.Features.GuardedActions;

/// <summary>What a guarded request hands back; the token is shown this once.</summary>
public sealed record TokenIssued(string ConfirmationToken, string RequestId, string Action, string Target, DateTimeOffset ExpiresAt, bool FourEyes)
{
    public static TokenIssued From(GuardedRequest r) => new(r.Token, r.RequestId, r.ActionType, r.Target, r.ExpiresAt, r.FourEyes);
}
