namespace OperatorConsole.Core.Releases;

/// <summary>Release defaults; bound from the "Releases" configuration section.</summary>
public sealed class ReleaseOptions
{
    public const string Section = "Releases";

    /// <summary>The scope 001's model commands act on when they name none.</summary>
    public string DefaultScope { get; set; } = "model-slot-a";

    /// <summary>001: a candidate shadows for 1000 cycles before it may go further.</summary>
    public int ShadowTarget { get; set; } = 1000;

    /// <summary>
    /// Demo only: a release owner may simulate, from the release page, the shadow cycles a serving service would report,
    /// since the demo has no serving service. The host turns it on with the demo and never otherwise.
    /// </summary>
    public bool SimulateShadowCycles { get; set; }
}
