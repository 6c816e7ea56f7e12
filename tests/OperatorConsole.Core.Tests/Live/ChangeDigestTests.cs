using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Tests.Live;

public sealed class ChangeDigestTests
{
    [Fact]
    public void OfOthers_ThreeChangesByTwoOthers_OneLineNamingThem()
    {
        var digest = ChangeDigest.OfOthers([By("alice"), By("bob"), By("alice"), By("me")], "me");

        Assert.Equal("3 changes by alice, bob", digest);
    }

    [Fact]
    public void OfOthers_OneChangeByAnother_ItsOwnSummary()
    {
        Assert.Equal("alice turned x on", ChangeDigest.OfOthers([By("alice")], "me"));
    }

    [Fact]
    public void OfOthers_OnlyMyOwnChanges_Nothing()
    {
        Assert.Null(ChangeDigest.OfOthers([By("me")], "me"));
    }

    private static LiveEvent By(string actor) =>
        new(Topics.KillSwitches, "kill-switch.flipped", "x@global", actor, DateTimeOffset.UnixEpoch, $"{actor} turned x on");
}
