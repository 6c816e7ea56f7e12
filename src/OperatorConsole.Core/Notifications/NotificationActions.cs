using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Notifications;

/// <summary>The outgoing webhooks' ledger actions: an Admin's, and refused in lockdown except reading and testing.</summary>
public sealed class NotificationActions : IActionRules
{
    public const string Read = "notifications.read";
    public const string Create = "notifications.create";
    public const string Update = "notifications.update";
    public const string Delete = "notifications.delete";
    public const string Test = "notifications.test";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Read, Role.Admin, "read the outgoing webhooks and their deliveries"),
        ActionRule.Only(Create, Role.Admin, "add an outgoing webhook", lockdownGated: true),
        ActionRule.Only(Update, Role.Admin, "change an outgoing webhook", lockdownGated: true),
        ActionRule.Only(Delete, Role.Admin, "remove an outgoing webhook", lockdownGated: true),
        ActionRule.Only(Test, Role.Admin, "send a test to an outgoing webhook"),
    ];
}
