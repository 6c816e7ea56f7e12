namespace OperatorConsole.Storage.Common;

/// <summary>What the health check reports of a store: where it is, and why its last write failed (null once one succeeded).</summary>
public interface IStoreStatus
{
    /// <summary>The data file, or the database server (never a password).</summary>
    string Location { get; }

    Exception? LastFailure { get; }
}
