using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Incidents;

public sealed class PostIncidentPageTests : BunitTestContext
{
    private static readonly Actor Iris = new("owner", "Ines Incident-owner", Role.IncidentOwner);

    private PostIncidentService Records => Services.GetRequiredService<PostIncidentService>();

    [Fact]
    public async Task ClickSave_IncidentOwnerWithPrefilledDraft_StoresIncompleteRecord()
    {
        var incident = await OpenAsync();
        SignIn(Iris);
        var cut = Render<PostIncidentPage>(p => p.Add(x => x.Id, incident.Id));

        await cut.Find("button[data-testid=pir-save]").ClickAsync(new());

        var record = Records.Get(incident.Id)!;
        Assert.StartsWith("SEV-2 Publish failure: Publish blocked", record.Summary, StringComparison.Ordinal);
        Assert.False(record.IsComplete);
        cut.WaitForAssertion(() => Assert.Contains("revision 1, incomplete", cut.Find("[data-testid=record-state]").TextContent, StringComparison.Ordinal), LiveTimeout);
    }

    [Fact]
    public async Task Render_OnCall_ReadOnlyWithoutSaveButButExportOffered()
    {
        var incident = await OpenAsync();

        var cut = Render<PostIncidentPage>(p => p.Add(x => x.Id, incident.Id));

        Assert.Empty(cut.FindAll("[data-testid=pir-save]"));
        Assert.Contains("Only an incident owner edits this record.", cut.Markup, StringComparison.Ordinal);
        var export = cut.Find("a[data-testid=export-markdown]");
        Assert.Equal($"api/incidents/{incident.Id}/post-incident.md", export.GetAttribute("href"));
        Assert.True(export.HasAttribute("download"));
    }

    private Task<Incident> OpenAsync() =>
        Services.GetRequiredService<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Publish blocked", IncidentClass.PublishFailure, IncidentSeverity.Sev2, [], null));
}
