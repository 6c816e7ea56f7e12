using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing.ScaleOut;

namespace OperatorConsole.Web.Tests.ScaleOut;

/// <summary>
/// Demo instances starting on one empty PostgreSQL database, one after another or all at once: the seed data lands
/// once, every instance starts, and they share one checkpoint key.
/// </summary>
public sealed class ClusterStartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DemoHostsStarting_OnOneEmptyDatabase_SeedItOnce(bool together)
    {
        using var cluster = together ? ConsoleCluster.StartedTogether() : new ConsoleCluster();

        foreach (var host in cluster.Hosts)
        {
            Assert.Equal(SeedCount("kill-switches.json"), host.Service<KillSwitchService>().List().Count);
            Assert.Equal(SeedCount("users.json"), host.Service<UserService>().List().Count);
            var verification = host.Service<AuditService>().VerifyAll();
            Assert.True(verification.IsValid, verification.Problem);
        }

        // Seeding ends with its own checkpoint in the shared log: two seeds would leave two.
        Assert.Single(cluster.A.Service<AuditService>().Checkpoints().Checkpoints, c => c.Reason == CheckpointReasons.Seeded);
        Assert.Equal(cluster.A.Service<ICheckpointSigner>().KeyId, cluster.B.Service<ICheckpointSigner>().KeyId);
    }

    private static int SeedCount(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-data", file))).RootElement.GetArrayLength();
}
