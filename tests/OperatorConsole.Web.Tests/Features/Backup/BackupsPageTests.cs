using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Features.Backup;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Backup;

public sealed class BackupsPageTests : BunitTestContext
{
    private static readonly Actor Ada = new("admin", "Ada Admin", Role.Admin);

    [Fact]
    public void BackUpNow_ByAdmin_ListsTheNewBackupWithItsHash()
    {
        SignIn(Ada);
        var cut = Render<BackupsPage>();
        cut.WaitForAssertion(() => Assert.Contains("No backups yet", cut.Markup, StringComparison.Ordinal), LiveTimeout);

        cut.Find("[data-testid=create-backup]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=backups] tbody tr")), LiveTimeout);
        var made = Services.GetRequiredService<IBackupFolder>().List().Single();
        Assert.Contains(made.Sha256, cut.Find("[data-testid=backups] tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_NoBackupsYet_SaysSo()
    {
        SignIn(Ada);

        var cut = Render<BackupsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No backups yet", cut.Markup, StringComparison.Ordinal), LiveTimeout);
    }
}
