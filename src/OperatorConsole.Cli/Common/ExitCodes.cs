namespace OperatorConsole.Cli.Common;

/// <summary>What opsctl's exit status tells a script; docs/opsctl.md lists them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A verify ran and found a problem (a tampered bundle, a broken ledger).</summary>
    public const int VerifyFailed = 1;

    /// <summary>The command line, a file or a value was wrong; the console answered 400, or opsctl is not configured.</summary>
    public const int BadInput = 2;

    /// <summary>The console refused: the key is unknown or lacks the role (401/403), the change is not allowed now (409, 423 lockdown) or needs a confirmation token (428).</summary>
    public const int Refused = 3;

    public const int NotFound = 4;

    /// <summary>No answer from the console: connection refused, timeout, 502/503/504.</summary>
    public const int Unreachable = 5;

    /// <summary>The console failed (500).</summary>
    public const int ServerError = 6;
}
