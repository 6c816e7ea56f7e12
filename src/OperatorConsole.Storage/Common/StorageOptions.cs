namespace OperatorConsole.Storage.Common;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The connection string's name (ConnectionStrings:Console) used when <see cref="Provider"/> is PostgreSQL.</summary>
    public const string ConnectionStringName = "Console";

    /// <summary><see cref="StorageProviders.LiteDb"/> (the default: one file, no set-up) or <see cref="StorageProviders.PostgreSql"/>.</summary>
    public string Provider { get; set; } = StorageProviders.LiteDb;

    /// <summary>The LiteDB file; relative paths are under the content root. With PostgreSQL, the checkpoint key and log still default beside it.</summary>
    public string DataFile { get; set; } = "data/operator-console.db";

    /// <summary>Where online backups are written; relative paths are under the content root; empty: backups/ beside the data file.</summary>
    public string BackupFolder { get; set; } = "";

    /// <summary>Import seed-data/ (runbooks, demo users) when the store is empty.</summary>
    public bool SeedOnFirstStart { get; set; } = true;

    /// <summary>Folder holding runbooks/ and users.json.</summary>
    public string SeedDataPath { get; set; } = "seed-data";

    public bool UsesPostgreSql => string.Equals(Provider, StorageProviders.PostgreSql, StringComparison.OrdinalIgnoreCase);
}

public static class StorageProviders
{
    public const string LiteDb = "LiteDB";
    public const string PostgreSql = "PostgreSQL";

    public static bool IsKnown(string? provider) =>
        string.Equals(provider, LiteDb, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase);
}
