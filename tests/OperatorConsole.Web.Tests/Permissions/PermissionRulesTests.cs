using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Lockdown;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Permissions;

/// <summary>
/// Every action a service gates is declared (so a page can ask about it), and the API's permission query gives the
/// sentence the write itself refuses with.
/// </summary>
public sealed partial class PermissionRulesTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public void RequireCalls_EveryActionTheyGate_IsDeclaredInTheHost()
    {
        var declared = host.Service<Core.Common.Permissions>().All.Select(r => r.Action).ToHashSet(StringComparer.Ordinal);

        var gated = GatedActions().ToList();

        Assert.True(gated.Count > 40, $"Only {gated.Count} gated actions found; the source scan is broken.");
        Assert.All(gated, g => Assert.True(declared.Contains(g.Action), $"{g.File}: '{g.Action}' is gated but not declared by any IActionRules."));
    }

    [Fact]
    public async Task Permissions_ViewerAsksToEngageALockdown_TheSentenceTheWriteRefusesWith()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var answer = await ConsoleHost.ReadAsync<JsonElement>(await viewer.GetAsync($"/api/permissions?action={LockdownActions.Engage}"));
        using var refused = await LockdownHostScope.EngageAsync(viewer, "not mine to pull");

        Assert.False(answer.GetProperty("allowed").GetBoolean());
        Assert.Equal("Only on-call engineers can engage a lockdown.", answer.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(answer.GetProperty("reason").GetString(), problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MePermissions_Viewer_EveryActionRefusedWithASentence()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var answers = await ConsoleHost.ReadAsync<List<JsonElement>>(await viewer.GetAsync("/api/me/permissions"));

        Assert.Equal(host.Service<Core.Common.Permissions>().All.Count, answers.Count);
        Assert.All(answers, a => Assert.False(a.GetProperty("allowed").GetBoolean(), a.GetProperty("action").GetString()));
        Assert.All(answers, a => Assert.StartsWith("Only ", a.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Permissions_UnknownAction_400NamingIt()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var response = await oncall.GetAsync("/api/permissions?action=lockdown.engag");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lockdown.engag", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // c.Require(XActions.Name, …), c.Require("literal", …) and c.Require(PolicyAction, …) in every source file.
    private static IEnumerable<(string File, string Action)> GatedActions()
    {
        var core = typeof(IActionRules).Assembly;
        var src = Path.Combine(RepositoryFiles.Root(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in RequireCall().Matches(File.ReadAllText(file)))
            {
                var name = m.Groups["name"].Value;
                yield return (Path.GetFileName(file), m.Groups["literal"].Success ? m.Groups["literal"].Value
                    : name == nameof(GuardedActionService.PolicyAction) ? GuardedActionService.PolicyAction
                    : ConstantOf(core, m.Groups["type"].Value, name));
            }
        }
    }

    private static string ConstantOf(Assembly core, string type, string name) =>
        (string)core.GetTypes().Single(t => t.Name == type).GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    [GeneratedRegex("""\.Require\(\s*(?:"(?<literal>[^"]+)"|(?:(?<type>\w+Actions)\.)?(?<name>[A-Z]\w*))\s*,""")]
    private static partial Regex RequireCall();
}
