using System.Text.Json;
using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class IncidentsCommandTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private readonly CliRun _cli = new(host);

    [Fact]
    public async Task Open_WithTitleAndSeverity_CreatesIncidentThatListShows()
    {
        var id = await OpenAsync("Checkout latency from opsctl");

        var list = await _cli.Async("incidents", "list");

        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains($"{id}\tSev3\tDetected\tCheckout latency from opsctl", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_OnIncident_AppearsOnItsTimeline()
    {
        var id = await OpenAsync("Needs a note");

        var result = await _cli.Async("incidents", "note", id, "restarted the worker");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(host.Service<IncidentService>().Timeline(id), e => e.Text.Contains("restarted the worker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transition_ToAcknowledged_MovesIncident()
    {
        var id = await OpenAsync("To acknowledge");

        var result = await _cli.Async("incidents", "transition", id, "--to", "Acknowledged", "-o", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("Acknowledged", JsonDocument.Parse(result.Out).RootElement.GetProperty("status").GetString());
        Assert.Equal(IncidentStatus.Acknowledged, host.Service<IncidentService>().Get(id)!.Status);
    }

    [Fact]
    public async Task Note_UnknownIncident_ExitsNotFound()
    {
        var result = await _cli.Async("incidents", "note", "INC-does-not-exist", "hello");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnknownSeverity_ExitsBadInput()
    {
        var result = await _cli.Async("incidents", "open", "--title", "x", "--severity", "Sev9");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    private async Task<string> OpenAsync(string title)
    {
        var opened = await _cli.Async("incidents", "open", "--title", title, "--severity", "Sev3", "-o", "json");
        Assert.Equal(ExitCodes.Ok, opened.ExitCode);
        return JsonDocument.Parse(opened.Out).RootElement.GetProperty("id").GetString()!;
    }
}
