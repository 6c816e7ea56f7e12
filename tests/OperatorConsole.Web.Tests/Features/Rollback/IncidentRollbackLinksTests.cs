using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Features.Rollback;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Rollback;

public sealed class IncidentRollbackLinksTests : BunitTestContext
{
    [Fact]
    public async Task IncidentScopes_OnlyKnownScopesGetARollbackLinkNamingTheIncident()
    {
        await Services.GetRequiredService<ScopeService>().CreateAsync(
            Actor.System, new ScopeDefinition("porto", "Porto", null, false, null, null, null));

        var cut = Render<IncidentRollbackLinks>(p => p
            .Add(c => c.IncidentId, "INC-0003")
            .Add(c => c.Scopes, ["locality-zrh", "porto"]));

        var link = Assert.Single(cut.FindAll("[data-testid=incident-rollback-links] a"));
        Assert.Equal("scopes/porto?incident=INC-0003", link.GetAttribute("href"));
        Assert.Contains("Roll back porto", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void IncidentWithoutKnownScopes_RendersNothing()
    {
        var cut = Render<IncidentRollbackLinks>(p => p
            .Add(c => c.IncidentId, "INC-0003")
            .Add(c => c.Scopes, ["locality-zrh"]));

        Assert.Empty(cut.Markup.Trim());
    }
}
