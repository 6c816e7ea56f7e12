using OperatorConsole.Cli;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Shared;

/// <summary>What one opsctl invocation left behind.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs opsctl in-process through its root command, against a real host, with captured stdout and stderr.</summary>
public sealed class CliRun(ConsoleHost host)
{
    /// <summary>A key that may do everything the commands do.</summary>
    public const Role AllRoles = Role.Viewer | Role.OnCall | Role.IncidentOwner | Role.Admin;

    public async Task<CliResult> AsAsync(Role roles, params string[] args) => await RunAsync(await EnvironmentAsync(roles), args);

    /// <summary>OPSCTL_URL of the host and OPSCTL_API_KEY of a fresh key with <paramref name="roles"/>.</summary>
    public async Task<Dictionary<string, string?>> EnvironmentAsync(Role roles) => Environment(host.BaseAddress.ToString(), await host.CreateApiKeyAsync(roles));

    public static Dictionary<string, string?> Environment(string url, string apiKey) =>
        new() { [CliContext.UrlVariable] = url, [CliContext.ApiKeyVariable] = apiKey };

    public Task<CliResult> Async(params string[] args) => AsAsync(AllRoles, args);

    /// <summary>With the given environment only, and a config file that does not exist unless a test writes it.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string[] args, string? configFile = null, TextWriter? error = null)
    {
        using var output = new StringWriter();
        using var captured = new StringWriter();
        var context = new CliContext(output, error ?? captured, name => environment.GetValueOrDefault(name), configFile ?? MissingConfigFile());
        var exitCode = await Opsctl.RunAsync(args, context);
        return new CliResult(exitCode, output.ToString(), error is null ? captured.ToString() : "");
    }

    public static string MissingConfigFile() => Path.Combine(Path.GetTempPath(), $"opsctl-none-{Guid.NewGuid():N}", "config.json");
}
