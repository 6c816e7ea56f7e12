namespace OperatorConsole.Core.Backup;

/// <summary>The ledger actions of the backup feature.</summary>
public static class BackupActions
{
    public const string Create = "backup.create";

    public const string List = "backup.list";

    public const string Download = "backup.download";
}
