using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Features.HostAdmin;

/// <summary>
/// <c>admin …</c>: bootstrap and automation commands run on the console's host while the console is stopped. They
/// open the store exactly as the console does (same settings, same first-start seeding) and go through the Core
/// services, so the normal validation applies and every change is in the ledger under <see cref="Actor"/>.
/// </summary>
public static class HostAdminCommand
{
    public const string Verb = "admin";

    public const int Ok = 0;
    public const int Refused = 1;
    public const int BadUsage = 2;
    public const int StoreUnavailable = 3;

    /// <summary>Whoever has the host's shell: the ledger names them so.</summary>
    public static readonly Actor Actor = new("host-admin", "Host admin (command line)", Role.Admin);

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.In, Console.Out, Console.Error);

    /// <summary>Writes only a command's result (an API key) to <paramref name="output"/>; everything else to <paramref name="errors"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter errors)
    {
        var (command, problem) = AdminArguments.Parse(args);
        if (command is null)
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(AdminArguments.Usage);
            return BadUsage;
        }

        WebApplication app;
        try
        {
            app = Build(command.ConfigurationArgs);
            app.Services.GetRequiredService<IConsoleStore>();
        }
        catch (Exception ex) when (ex is StoreUnavailableException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await errors.WriteLineAsync($"Cannot open the store (with LiteDB, stop the console first and check Storage:DataFile; with PostgreSQL, check ConnectionStrings:Console): {ex.Message}");
            return StoreUnavailable;
        }

        await using (app)
        {
            try
            {
                await app.Services.GetRequiredService<SeedOnFirstStart>().SeedAsync();
                var verbs = new AdminVerbs(app.Services, input, output, errors);
                await verbs.RunAsync(command);
                return Ok;
            }
            catch (DomainException ex)
            {
                await errors.WriteLineAsync($"Refused: {ex.Message}");
                return Refused;
            }
            finally
            {
                // The console is stopped, so its shutdown checkpoint is the last one: without this seal the next start
                // would report these entries as written behind its back.
                await app.Services.GetRequiredService<LedgerSealer>().SealHeadAsync(CheckpointReasons.HostAdmin);
            }
        }
    }

    private static WebApplication Build(string[] configurationArgs)
    {
        var builder = WebApplication.CreateBuilder(configurationArgs);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.AddConsoleHost();
        return builder.Build();
    }
}
