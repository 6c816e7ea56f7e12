namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// Event kinds on <see cref="Live.Topics.KillSwitches"/>. Each carries the switch as it now stands (a
/// <see cref="KillSwitch"/>: key, scope, on, version, last change with who and why) in its state, and the switch's
/// version, so a client applies it without reading back.
/// </summary>
public static class KillSwitchEvents
{
    public const string Created = "kill-switch.created";
    public const string Edited = "kill-switch.edited";
    public const string Flipped = "kill-switch.flipped";
    public const string Validated = "kill-switch.validated";
    public const string Drilled = "kill-switch.drilled";
}
