using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Tests.Alerts;

public sealed class RunbookLookupTests
{
    private static readonly IReadOnlyList<Runbook> Runbooks =
    [
        Book("stale-pack", "Stale pack breach", "ops/stale-pack.md", "StalePack"),
        Book("resolver-health", "ResolverHealth", "ops/resolver.md"),
        Book("generic", "Generic response", null),
    ];

    private static Runbook Book(string slug, string title, string? sourcePath, params string[] aliases) => new()
    {
        Slug = slug, Version = 1, Title = title, SourcePath = sourcePath, Aliases = aliases,
        Source = "# x", SourceSha256 = "0", ImportedAt = DateTimeOffset.UnixEpoch, ImportedBy = "test",
    };

    private static string? Find(string alertName, string? runbookUrl = null, string? ruleRunbook = null) =>
        RunbookLookup.Find(Runbooks, new Dictionary<string, string> { ["alertname"] = alertName },
            runbookUrl is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["runbook_url"] = runbookUrl }, ruleRunbook);

    [Fact]
    public void Find_RunbookUrlToConsolePath_ThatRunbook() =>
        Assert.Equal("generic", Find("StalePack", "https://console.example/runbooks/generic"));

    [Fact]
    public void Find_RunbookUrlEndingInSourcePath_ThatRunbook() =>
        Assert.Equal("resolver-health", Find("Unknown", "https://git.example/team/repo/blob/main/ops/resolver.md"));

    [Fact]
    public void Find_AlertNameIsAnAliasInOtherCase_ThatRunbook() =>
        Assert.Equal("stale-pack", Find("stalepack"));

    [Fact]
    public void Find_AlertNameIsATitle_ThatRunbook() =>
        Assert.Equal("resolver-health", Find("resolverhealth"));

    [Fact]
    public void Find_UnknownUrlAndName_FallsBackToRuleRunbook() =>
        Assert.Equal("generic", Find("Nothing", "https://elsewhere.example/wiki", ruleRunbook: "generic"));

    [Fact]
    public void Find_NothingFits_None() =>
        Assert.Null(Find("Nothing", "https://elsewhere.example/wiki", ruleRunbook: "deleted-runbook"));
}
