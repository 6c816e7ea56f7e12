using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// State that follows a scope's active pointer (a release's stage). Every rebind — a rollback's step 3, a promotion,
/// ROLLBACK_MODEL, a rebind from the scope page — calls every follower inside its own transaction, so the pointer and
/// that state can never disagree, whichever way the pointer was moved.
/// </summary>
public interface IRebindFollower
{
    void Follow(Change change, RebindResult rebind, string reason);
}
