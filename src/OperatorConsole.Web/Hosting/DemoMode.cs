namespace OperatorConsole.Web.Hosting;

/// <summary>
/// The demo (users with published passwords, demo scopes, the anonymous demo resolver) exists only when asked
/// for: <c>--demo</c> on the command line or the setting <c>Demo:Enabled=true</c> (env <c>Demo__Enabled=true</c>).
/// </summary>
public static class DemoMode
{
    public const string Setting = "Demo:Enabled";
    public const string Switch = "--demo";

    /// <summary>
    /// Turns the bare <c>--demo</c> switch into the setting: the command-line configuration provider would
    /// otherwise take the next argument as its value (or drop it when it comes last).
    /// </summary>
    public static string[] ExpandSwitch(string[] args) =>
        [.. args.Select(a => string.Equals(a, Switch, StringComparison.OrdinalIgnoreCase) ? $"--{Setting}=true" : a)];

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(Setting, false);
}
