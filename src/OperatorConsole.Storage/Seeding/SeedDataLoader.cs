using System.Text.Json;
using Microsoft.Extensions.Logging;
using System.Text.Json.Serialization;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Storage.Seeding;

/// <summary>
/// Fills a store from seed-data/. What any console may start with (the kill switches, the ledger health check and every
/// runbook in runbooks/*.md) is loaded on a first start; the demo (users with published passwords and the demo scopes
/// whose probes point at the demo resolver, the demo health checks) only when the demo is asked for.
/// </summary>
public sealed class SeedDataLoader(
    IConsoleStore store, UserService users, RunbookService runbooks, KillSwitchService killSwitches, ScopeService scopes, ScheduledCheckService checks,
    AlertRuleService alertRules, ILogger<SeedDataLoader> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record SeedUser(string Id, string DisplayName, string[] Roles, string Password);

    /// <summary>Nothing was ever written: the ledger has no entry.</summary>
    public bool IsEmpty => store.Read(s => s.Ledger.Head()) is null;

    /// <summary>No user exists yet, so demo users cannot clash with real ones.</summary>
    public bool HasNoUsers => store.Read(s => s.Users.All().Count == 0);

    public async Task LoadAsync(string seedDataPath)
    {
        var switchesFile = Path.Combine(seedDataPath, "kill-switches.json");
        if (File.Exists(switchesFile))
        {
            var seedSwitches = JsonSerializer.Deserialize<KillSwitchDefinition[]>(await File.ReadAllTextAsync(switchesFile), Json) ?? [];
            foreach (var definition in seedSwitches)
            {
                await killSwitches.CreateAsync(Actor.System, definition);
            }

            logger.LogInformation("Seeded {KillSwitchCount} kill switches", seedSwitches.Length);
        }

        var checkCount = await HealthCheckSeed.LoadAsync(seedDataPath, HealthCheckSeed.FileName, checks, demo: false);
        logger.LogInformation("Seeded {HealthCheckCount} health checks", checkCount);

        var rulesFile = Path.Combine(seedDataPath, "alert-rules.json");
        if (File.Exists(rulesFile))
        {
            // In file order: the first matching rule routes an alert.
            var seedRules = JsonSerializer.Deserialize<AlertRuleDraft[]>(await File.ReadAllTextAsync(rulesFile), Json) ?? [];
            foreach (var rule in seedRules)
            {
                await alertRules.CreateAsync(Actor.System, rule);
            }

            logger.LogInformation("Seeded {AlertRuleCount} alert rules", seedRules.Length);
        }

        var runbookFolder = Path.Combine(seedDataPath, "runbooks");
        if (!Directory.Exists(runbookFolder))
        {
            logger.LogWarning("No seed runbooks at {SeedRunbookFolder}", runbookFolder);
            return;
        }

        foreach (var file in Directory.GetFiles(runbookFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var result = await runbooks.ImportAsync(Actor.System, Path.GetFileName(file), await File.ReadAllBytesAsync(file));
            logger.LogInformation(
                "Seeded runbook {RunbookId} with {StepCount} steps and {RepairCount} encoding repairs",
                result.Runbook.Id, result.Runbook.AllSteps.Count(), result.Runbook.Repairs.Count);
        }
    }

    /// <summary>The demo users (users.json) and the demo scopes (scopes.json); for local use only.</summary>
    public async Task LoadDemoAsync(string seedDataPath)
    {
        var usersFile = Path.Combine(seedDataPath, "users.json");
        if (File.Exists(usersFile))
        {
            var seedUsers = JsonSerializer.Deserialize<SeedUser[]>(await File.ReadAllTextAsync(usersFile), Json) ?? [];
            foreach (var u in seedUsers)
            {
                await users.CreateAsync(Actor.System, u.Id, u.DisplayName, u.Password, Roles.Parse(u.Roles));
            }

            logger.LogWarning("Seeded {UserCount} demo users with published passwords: for local use only", seedUsers.Length);
        }

        var scopeCount = await ScopeSeed.LoadAsync(seedDataPath, scopes);
        logger.LogInformation("Seeded {ScopeCount} demo scopes", scopeCount);

        var demoChecks = await HealthCheckSeed.LoadAsync(seedDataPath, HealthCheckSeed.DemoFileName, checks, demo: true);
        logger.LogInformation("Seeded {HealthCheckCount} demo health checks against the demo check targets", demoChecks);
    }
}
