namespace OperatorConsole.Core.KillSwitches;

public interface IKillSwitchRepository
{
    KillSwitch? Get(string key, string scope);

    /// <summary>Every switch, by key then scope.</summary>
    IReadOnlyList<KillSwitch> All();

    /// <summary>Switches whose last change has a version above <paramref name="version"/>, oldest change first.</summary>
    IReadOnlyList<KillSwitch> ChangedSince(long version);

    void Upsert(KillSwitch killSwitch);

    /// <summary>The highest version issued so far; 0 before any switch exists.</summary>
    long CurrentVersion();

    /// <summary>Issues the next version (writes).</summary>
    long NextVersion();

    KillSwitchEvidence? GetEvidence(string id);

    /// <summary>A switch's evidence records, newest first.</summary>
    IReadOnlyList<KillSwitchEvidence> Evidence(string key, string scope);

    void Upsert(KillSwitchEvidence evidence);

    /// <summary>Adds one line to the switch's history; its version is its key.</summary>
    void AppendHistory(string switchId, SwitchHistoryEntry entry);

    /// <summary>Up to <paramref name="limit"/> history lines of the switch older than <paramref name="beforeVersion"/> (all when null), newest first.</summary>
    IReadOnlyList<SwitchHistoryEntry> History(string switchId, long? beforeVersion, int limit);
}
