using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Backup;

/// <summary>The ledger actions of the backup feature.</summary>
public sealed class BackupActions : IActionRules
{
    public const string Create = "backup.create";

    public const string List = "backup.list";

    public const string Download = "backup.download";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Create, Role.Admin, "take backups"),
        ActionRule.Only(List, Role.Admin, "list backups"),
        ActionRule.Only(Download, Role.Admin, "download backups"),
    ];
}
