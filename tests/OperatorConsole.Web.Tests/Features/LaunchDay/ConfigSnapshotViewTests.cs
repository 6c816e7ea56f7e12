using Bunit;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Web.Features.LaunchDay;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

public sealed class ConfigSnapshotViewTests : BunitTestContext
{
    [Fact]
    public void AuthKeys_ShownOnlyAsPresenceAndFingerprint()
    {
        var snapshot = new StoredConfigSnapshot("json", "pasted", DateTimeOffset.UnixEpoch, "Rui Release-owner",
            new Dictionary<string, string> { ["api.endpoint"] = "https://api.binkindly.example/v1" },
            [new AuthKeyPresence("auth.signing_key", true, "sha256:" + new string('a', 64)), new AuthKeyPresence("auth.rules_key", false, null)]);

        var cut = Render<ConfigSnapshotView>(p => p.Add(c => c.Snapshot, snapshot));

        var keys = cut.FindAll("[data-testid=config-auth-key]");
        Assert.Equal(["true", "false"], keys.Select(k => k.GetAttribute("data-present")));
        Assert.Contains("sha256:" + new string('a', 64), keys[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("missing", keys[1].TextContent, StringComparison.Ordinal);
    }
}
