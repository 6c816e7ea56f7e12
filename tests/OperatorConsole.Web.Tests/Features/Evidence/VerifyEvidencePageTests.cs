using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Evidence;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Evidence;

public sealed class VerifyEvidencePageTests : BunitTestContext
{
    [Fact]
    public async Task UploadBundle_JustPreserved_ShowsValid()
    {
        var bundle = await PreserveAsync();
        var cut = Render<VerifyEvidencePage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(bundle.Json, bundle.FileName));

        cut.WaitForAssertion(() => cut.Find("[data-testid=verify-valid]"), LiveTimeout);
    }

    [Fact]
    public async Task PasteBundle_OneCharacterChanged_ListsIntegrityHashMismatch()
    {
        var bundle = await PreserveAsync();
        var cut = Render<VerifyEvidencePage>();

        cut.Find("textarea[data-testid=bundle-paste]").Change(bundle.Json.Replace("Publish blocked", "Publish Blocked", StringComparison.Ordinal));
        cut.Find("[data-testid=verify-bundle]").Click();

        var problem = cut.WaitForElement("[data-testid=verify-problem]", LiveTimeout);
        Assert.Contains("Integrity hash mismatch", problem.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasteBundle_EditedAndResealed_ShowsTamperedNamingThePart()
    {
        var bundle = System.Text.Json.Nodes.JsonNode.Parse((await PreserveAsync()).Json)!.AsObject();
        bundle["incident"]!["title"] = "Nothing happened";
        var cut = Render<VerifyEvidencePage>();

        cut.Find("textarea[data-testid=bundle-paste]").Change(EvidenceBundle.Seal(bundle, out _));
        cut.Find("[data-testid=verify-bundle]").Click();

        var result = cut.WaitForElement("[data-testid=verify-invalid]", LiveTimeout);
        Assert.Equal("tampered", result.GetAttribute("data-verdict"));
        Assert.Equal("Differs: incident", cut.Find("[data-testid=verify-part]").TextContent);
    }

    [Fact]
    public void PasteText_NotJson_SaysSo()
    {
        var cut = Render<VerifyEvidencePage>();

        cut.Find("textarea[data-testid=bundle-paste]").Change("not a bundle");
        cut.Find("[data-testid=verify-bundle]").Click();

        Assert.Contains("not valid JSON", cut.Find("[data-testid=verify-problem]").TextContent, StringComparison.Ordinal);
    }

    private async Task<PreservedBundle> PreserveAsync()
    {
        var incident = await Services.GetRequiredService<IncidentService>().OpenAsync(Omar,
            new OpenIncident("Publish blocked", IncidentClass.PublishFailure, IncidentSeverity.Sev2, ["zrh"], null));
        return await Services.GetRequiredService<EvidenceService>().PreserveAsync(Omar, incident.Id);
    }
}
