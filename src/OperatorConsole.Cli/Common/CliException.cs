namespace OperatorConsole.Cli.Common;

/// <summary>Ends a command with an exit code and a message for stderr.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
