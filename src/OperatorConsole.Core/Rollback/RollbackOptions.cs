namespace OperatorConsole.Core.Rollback;

/// <summary>004's rollback objective and how a drill proves it; bound from the "Rollback" configuration section.</summary>
public sealed class RollbackOptions
{
    public const string Section = "Rollback";

    /// <summary>Safe active manifest state within this time of the confirmed bad publish.</summary>
    public TimeSpan SafeStateWithin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Manifest and pack integrity confirmed within this time of the confirmed bad publish.</summary>
    public TimeSpan IntegrityWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The last part of a limit, as a fraction of it, in which a running timer shows amber.</summary>
    public double AmberFraction { get; set; } = 0.2;

    /// <summary>The objective counts as proven only with a passing drill this recent.</summary>
    public TimeSpan DrillProofWindow { get; set; } = TimeSpan.FromDays(90);
}
