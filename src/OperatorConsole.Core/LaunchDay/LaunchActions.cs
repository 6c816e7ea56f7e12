using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>
/// Launch day's ledger actions, which are also the kinds of its live events (on <see cref="Live.Topics.Launches"/> and
/// <see cref="Live.Topics.Launch"/>), and who may perform each.
/// </summary>
public static class LaunchActions
{
    public const string Create = "launch.create";
    public const string SetExpectations = "launch.set-expectations";
    public const string SubmitConfig = "launch.config-snapshot";
    public const string FetchConfig = "launch.config-fetch";
    public const string ValidateFirstPublish = "launch.first-publish";
    public const string RunProbes = "launch.production-probes";
    public const string LiveFetch = "launch.live-app-fetch";
    public const string SignOff = "launch.sign-off";
    public const string SignOffsInvalidated = "launch.sign-offs-invalidated";
    public const string Archive = "launch.archive";
    public const string Completed = "launch.completed";
    public const string SetDuties = "launch.set-duties";
    public const string ReadDuties = "launch.read-duties";

    /// <summary>Who runs a launch: its release owner (an Admin may stand in).</summary>
    public const Role Runners = Role.ReleaseOwner | Role.Admin;

    /// <summary>Anyone but a Viewer may hold a sign-off duty; the duty itself is what lets them sign.</summary>
    public const Role Signers = Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;

    /// <summary>The ledger action of the step that <paramref name="kind"/> names.</summary>
    public static string Of(LaunchStepKind kind) => kind switch
    {
        LaunchStepKind.ConfigVerified => SubmitConfig,
        LaunchStepKind.FirstPublishValidated => ValidateFirstPublish,
        LaunchStepKind.ProductionProbes => RunProbes,
        LaunchStepKind.LiveAppFetch => LiveFetch,
        _ => Archive,
    };
}

/// <summary>The launch-day rules <see cref="Permissions"/> answers from.</summary>
public sealed class LaunchActionRules : IActionRules
{
    private const string RunnerSentence = "Only release owners can run launch day.";

    public IEnumerable<ActionRule> Rules { get; } =
    [
        new(LaunchActions.Create, LaunchActions.Runners, "Only release owners can start a launch day.", LockdownGated: true),
        new(LaunchActions.SetExpectations, LaunchActions.Runners, "Only release owners can set what the production config must hold.", LockdownGated: true),
        new(LaunchActions.SubmitConfig, LaunchActions.Runners, RunnerSentence, LockdownGated: true),
        new(LaunchActions.FetchConfig, LaunchActions.Runners, RunnerSentence, LockdownGated: true),
        new(LaunchActions.ValidateFirstPublish, LaunchActions.Runners, RunnerSentence, LockdownGated: true),
        new(LaunchActions.RunProbes, LaunchActions.Runners, RunnerSentence, LockdownGated: true),
        new(LaunchActions.LiveFetch, LaunchActions.Runners, RunnerSentence, LockdownGated: true),
        new(LaunchActions.SignOff, LaunchActions.Signers, "Only people holding a sign-off duty can sign off a launch.", LockdownGated: true),
        new(LaunchActions.Archive, LaunchActions.Runners, "Only release owners can archive launch evidence and complete the launch.", LockdownGated: true),
        new(LaunchActions.SetDuties, Role.Admin, "Only admins can assign who signs off which area.", LockdownGated: true),
        new(LaunchActions.ReadDuties, Role.Admin, "Only admins can see who holds which sign-off duty."),
    ];
}
