using System.CommandLine;
using OperatorConsole.Cli.Commands;
using OperatorConsole.Cli.Common;

namespace OperatorConsole.Cli;

/// <summary>The root command; <see cref="RunAsync"/> is what the process and the tests run.</summary>
public static class Opsctl
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("opsctl: OperatorConsole from scripts. Settings: OPSCTL_URL and OPSCTL_API_KEY, or ~/.config/opsctl/config.json.");
        root.Options.Add(Output.Format);
        root.Subcommands.Add(SwitchesCommand.Create(context));
        root.Subcommands.Add(IncidentsCommand.Create(context));
        root.Subcommands.Add(EvidenceCommand.Create(context));
        root.Subcommands.Add(LedgerCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(RunbooksCommand.Create(context));
        return root;
    }

    /// <summary>Parse errors exit with <see cref="ExitCodes.BadInput"/>; a <see cref="CliException"/> with its own code, its message on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine(error.Message);
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException ex)
        {
            context.Error.WriteLine($"opsctl: {ex.Message}");
            return ex.ExitCode;
        }
    }

    /// <summary>The API for commands that talk to the console; settings are read only when one runs.</summary>
    internal static ConsoleApi Api(CliContext context) => new(ConsoleSettings.Load(context));
}
