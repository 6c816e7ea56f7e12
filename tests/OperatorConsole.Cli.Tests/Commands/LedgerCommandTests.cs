using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class LedgerCommandTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private readonly CliRun _cli = new(host);

    [Fact]
    public async Task Verify_IntactLedger_ExitsOkWithItsRootHash()
    {
        var result = await _cli.AsAsync(Role.Viewer, "ledger", "verify");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("ledger valid: ", result.Out, StringComparison.Ordinal);
    }
}
