namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// What a switch asks of the operator after it is turned on. 004: the bad-pack kill switch stops a wrong publish from
/// spreading; containing it means rolling the scope back to its last known good, so the console offers that rollback.
/// </summary>
public static class ContainmentFollowUp
{
    public const string BadPackSwitchKey = "bad-pack-kill-switch";

    /// <summary>Whether <paramref name="killSwitch"/>, as it stands, calls for a rollback to the last known good.</summary>
    public static bool SuggestsRollback(KillSwitch killSwitch) => killSwitch.On && killSwitch.Key == BadPackSwitchKey;

    /// <summary>Whether a flip of the switch with this id (key@scope) concerns the rollback follow-up.</summary>
    public static bool ConcernsRollback(string switchId) => switchId.StartsWith(BadPackSwitchKey + "@", StringComparison.Ordinal);
}
