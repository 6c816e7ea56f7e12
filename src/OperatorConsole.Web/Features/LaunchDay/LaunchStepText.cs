using OperatorConsole.Core.LaunchDay;

namespace OperatorConsole.Web.Features.LaunchDay;

/// <summary>The words the pages use for launch-day steps, areas and states (004's language, not the enum names).</summary>
public static class LaunchStepText
{
    public static string Key(LaunchStepKind kind) => kind switch
    {
        LaunchStepKind.ConfigVerified => "config",
        LaunchStepKind.FirstPublishValidated => "first-publish",
        LaunchStepKind.ProductionProbes => "probes",
        LaunchStepKind.LiveAppFetch => "live-fetch",
        _ => "archive",
    };

    public static string Title(LaunchStepKind kind) => kind switch
    {
        LaunchStepKind.ConfigVerified => "Production config verified",
        LaunchStepKind.FirstPublishValidated => "First production publish validated",
        LaunchStepKind.ProductionProbes => "Production probes",
        LaunchStepKind.LiveAppFetch => "Live app fetch",
        _ => "Evidence archived",
    };

    public static string Purpose(LaunchStepKind kind) => kind switch
    {
        LaunchStepKind.ConfigVerified => "Endpoints, environment flags, kill-switch defaults and required auth keys, checked against the expected values.",
        LaunchStepKind.FirstPublishValidated => "The release's stage and its post-deploy probe.",
        LaunchStepKind.ProductionProbes => "The active manifest, the active pack, the resolver and the rules endpoint.",
        LaunchStepKind.LiveAppFetch => "Resolves manifest and pack the way the app does, on the target build.",
        _ => "The final build checksum and the whole launch record as a verifiable bundle.",
    };

    public static string State(LaunchStepState state) => state switch
    {
        LaunchStepState.Passed => "Passed",
        LaunchStepState.Failed => "Failed",
        _ => "Not run",
    };

    public static string Area(SignOffArea area) => area switch
    {
        SignOffArea.Product => "Product",
        SignOffArea.Engineering => "Engineering",
        _ => "QA",
    };
}
