using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>A launch held in memory with its three sign-offs, its steps in the ledger, then archived as the launch service does.</summary>
internal static class LaunchTestData
{
    public static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static Launch Launch(string id = "launch-porto-1") => new()
    {
        Id = id,
        ReleaseId = "porto-2026.11.30",
        ScopeId = "porto",
        ReleaseVersion = "2026.11.30",
        Expectations = new ConfigExpectations
        {
            Endpoints = new Dictionary<string, string> { ["api.endpoint"] = "https://api.binkindly.example/v2" },
            RequiredAuthKeys = ["auth.api_key"],
        },
        Steps =
        [
            .. Enum.GetValues<LaunchStepKind>().Select(kind => new LaunchStep(kind, kind == LaunchStepKind.EvidenceArchived ? LaunchStepState.Pending : LaunchStepState.Passed,
                At, "Rita Release-owner", $"{kind} passed", [new LaunchCheck($"{kind} check", true, "as expected")])),
        ],
        SignOffs =
        [
            new(SignOffArea.Product, "pia", "Pia Product", At.AddMinutes(10), "Product is ready.", 11),
            new(SignOffArea.Engineering, "eli", "Eli Engineer", At.AddMinutes(11), "Engineering is ready.", 12),
            new(SignOffArea.Qa, "quinn", "Quinn QA", At.AddMinutes(12), "QA passed.", 13),
        ],
        ConfigSnapshot = new StoredConfigSnapshot("yaml", "upload", At, "Rita Release-owner",
            new Dictionary<string, string> { ["api.endpoint"] = "https://api.binkindly.example/v2" },
            [new AuthKeyPresence("auth.api_key", true, "sha256:" + new string('a', 64))]),
        BuildChecksum = new string('b', 64),
        CreatedBy = "Rita Release-owner",
        CreatedAt = At,
        Version = 9,
    };

    /// <summary>A few ledger entries on the launch (and one on another subject), then the archive write.</summary>
    public static async Task<PreservedBundle> ArchiveAsync(TestStore store, Launch launch)
    {
        foreach (var area in Enum.GetValues<SignOffArea>())
        {
            await store.Changes.RunAsync(TestActors.Rita, c => c.Record("launch.sign-off", $"launch:{launch.Id}/sign-off:{area}", new { area }));
        }

        await store.Changes.RunAsync(TestActors.Rita, c => c.Record("launch.create", "launch:another", new { }));
        return await store.Changes.RunAsync(TestActors.Rita, c => LaunchBundle.Archive(c, store.BundleSealer, launch));
    }
}
