using System.CommandLine;
using OperatorConsole.Cli.Common;

namespace OperatorConsole.Cli.Commands;

/// <summary><c>opsctl ledger verify</c>: the console re-checks its whole ledger; exit 1 when it is broken.</summary>
public static class LedgerCommand
{
    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Ask the console to verify its ledger's hash chain and checkpoints.");
        verify.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var result = await api.GetAsync("/api/ledger/verify", ct);
            var valid = result.GetProperty("isValid").GetBoolean();
            Output.Write(parse, context, result, r => valid
                ? [$"ledger valid: {r.Str("entryCount")} entries, root {r.Str("rootHash")}"]
                : [$"INVALID: {r.Str("problem")} (first broken entry {r.Str("firstBrokenSequence")})"]);
            return valid ? ExitCodes.Ok : ExitCodes.VerifyFailed;
        });
        return new Command("ledger", "The audit ledger.") { verify };
    }
}
