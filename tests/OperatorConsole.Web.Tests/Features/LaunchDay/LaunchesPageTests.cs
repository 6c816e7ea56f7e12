using Bunit;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Features.LaunchDay;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

public sealed class LaunchesPageTests : BunitTestContext
{
    private static readonly Actor Rui = new("release", "Rui Release-owner", Role.ReleaseOwner);
    private static readonly Actor Vera = new("viewer", "Vera Viewer", Role.Viewer);
    private static readonly Actor Ada = new("admin", "Ada Admin", Role.Admin);

    [Fact]
    public void Viewer_SeesTheEmptyStateWithoutCreateFormOrDutyCard()
    {
        SignIn(Vera);

        var cut = Render<LaunchesPage>();

        cut.WaitForAssertion(() => Assert.Contains("No launches yet", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=create-launch]"));
        Assert.Empty(cut.FindAll("[data-testid=signoff-duties]"));
    }

    [Fact]
    public void ReleaseOwner_CreateWithoutRelease_CoresProblemShowsUnderTheReleaseField()
    {
        SignIn(Rui);
        var cut = Render<LaunchesPage>();
        cut.WaitForElement("[data-testid=create-launch-submit]");

        cut.Find("[data-testid=create-launch-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Name the release this launch day is for.", cut.Find("[data-testid=create-launch]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=launch-row]"));
        Assert.Empty(cut.FindAll("[data-testid=signoff-duties]"));
    }

    [Fact]
    public void Admin_SeesTheSignOffDutyCardForEachArea()
    {
        SignIn(Ada);

        var cut = Render<LaunchesPage>();

        cut.WaitForElement("[data-testid=signoff-duties]");
        Assert.Equal(3, cut.FindAll("[data-testid=signoff-duties] button[data-testid$=-save]").Count);
    }
}
