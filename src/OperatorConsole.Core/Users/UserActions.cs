using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Users;

/// <summary>The ledger actions of users and API keys and who may perform them.</summary>
public sealed class UserActions : IActionRules
{
    public const string Create = "user.create";
    public const string SetRoles = "user.set-roles";
    public const string ResetPassword = "user.reset-password";
    public const string CreateApiKey = "api-key.create";
    public const string RevokeApiKey = "api-key.revoke";

    /// <summary>Recorded when users change their own theme; anyone signed in may, so it has no rule.</summary>
    public const string SetDarkMode = "user.set-dark-mode";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Create, Role.Admin, "create users", lockdownGated: true),
        ActionRule.Only(SetRoles, Role.Admin, "change roles", lockdownGated: true),
        ActionRule.Only(ResetPassword, Role.Admin, "reset passwords", lockdownGated: true),
        ActionRule.Only(CreateApiKey, Role.Admin, "create API keys", lockdownGated: true),
        ActionRule.Only(RevokeApiKey, Role.Admin, "revoke API keys"),
    ];
}
