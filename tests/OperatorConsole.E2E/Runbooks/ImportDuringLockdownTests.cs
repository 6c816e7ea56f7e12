using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Runbooks;

/// <summary>Its own host: the lockdown it engages would refuse the other import tests.</summary>
public sealed class ImportDuringLockdownTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Upload_DuringLockdown_ShowsTheRefusalAndTheCircuitStaysUp()
    {
        await fixture.Host.Service<LockdownService>().EngageAsync(new Actor("oncall2", "Olga On-call", Role.OnCall), "bad pack spreading");
        var before = fixture.Host.Service<RunbookService>().List().Count;
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks/import");

        await page.GetByTestId("upload-input").SetInputFilesAsync(new FilePayload
        {
            Name = "cache-flush.md",
            MimeType = "text/markdown",
            Buffer = "# Cache flush\n\n1. Drain traffic\n2. Flush the cache\n"u8.ToArray(),
        });

        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("lockdown", new() { IgnoreCase = true });

        // The same circuit still answers: closing the alert is a round trip to the server.
        await page.GetByTestId("import-error").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveCountAsync(0);
        Assert.Equal(before, fixture.Host.Service<RunbookService>().List().Count);
    }
}
