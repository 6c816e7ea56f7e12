using System.Security.Cryptography;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Incidents;

public sealed class AttachmentListTests : IncidentTestContext
{
    [Fact]
    public async Task UploadFile_SmallLog_ListsItWithSizeSha256AndDownloadLink()
    {
        var id = await OpenIncidentAsync();
        var cut = RenderToAct(id);
        var log = "12:00:01 publish_blocked\n";

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(log, "publish.log", contentType: "text/plain"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=attachment]")), LiveTimeout);
        var attachment = Assert.Single(Services.GetRequiredService<EvidenceService>().Attachments(id));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(log)));
        Assert.Contains(sha, cut.Find("[data-testid=attachment-sha256]").TextContent, StringComparison.Ordinal);
        Assert.Contains("25 B", cut.Find("[data-testid=attachment]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"api/incidents/{id}/attachments/{attachment.Id}", cut.Find("[data-testid=attachment-download]").GetAttribute("href"));
    }

    [Fact]
    public async Task UploadFile_OverLimit_ShowsLimitAndStoresNothing()
    {
        var id = await OpenIncidentAsync();
        var cut = RenderToAct(id);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[AttachmentRules.MaxBytes + 1], "dump.bin"));

        cut.WaitForAssertion(() => Assert.Contains("the limit is 5 MB", cut.Find("[data-testid=attachment-error]").TextContent, StringComparison.Ordinal), LiveTimeout);
        Assert.Empty(Services.GetRequiredService<EvidenceService>().Attachments(id));
    }

    [Fact]
    public async Task Render_Incident_OffersPreserveEvidenceAsPlainFormPost()
    {
        var id = await OpenIncidentAsync();

        var cut = RenderToAct(id);

        var form = cut.Find("[data-testid=preserve-form]");
        Assert.Equal(("post", $"api/incidents/{id}/evidence-bundle"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Contains("Preserve evidence", form.TextContent, StringComparison.Ordinal);
    }
}
