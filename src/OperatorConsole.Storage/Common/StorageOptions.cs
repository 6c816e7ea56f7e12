namespace OperatorConsole.Storage.Common;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are under the content root.</summary>
    public string DataFile { get; set; } = "data/operator-console.db";

    /// <summary>Where online backups are written; relative paths are under the content root; empty: backups/ beside the data file.</summary>
    public string BackupFolder { get; set; } = "";

    /// <summary>Import seed-data/ (runbooks, demo users) when the store is empty.</summary>
    public bool SeedOnFirstStart { get; set; } = true;

    /// <summary>Folder holding runbooks/ and users.json.</summary>
    public string SeedDataPath { get; set; } = "seed-data";
}
