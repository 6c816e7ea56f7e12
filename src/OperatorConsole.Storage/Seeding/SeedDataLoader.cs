using System.Text.Json;
using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Storage.Seeding;

/// <summary>Fills an empty store from seed-data/: demo users, the kill switches, the demo scopes, then every runbook in runbooks/*.md.</summary>
public sealed class SeedDataLoader(
    IConsoleStore store, UserService users, RunbookService runbooks, KillSwitchService killSwitches, ScopeService scopes, ILogger<SeedDataLoader> logger)
{
    private sealed record SeedUser(string Id, string DisplayName, string[] Roles, string Password);

    public bool IsEmpty => store.Read(s => s.Users.All().Count == 0);

    public async Task LoadAsync(string seedDataPath)
    {
        var usersFile = Path.Combine(seedDataPath, "users.json");
        if (File.Exists(usersFile))
        {
            var seedUsers = JsonSerializer.Deserialize<SeedUser[]>(
                await File.ReadAllTextAsync(usersFile), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
            foreach (var u in seedUsers)
            {
                await users.CreateAsync(Actor.System, u.Id, u.DisplayName, u.Password, Roles.Parse(u.Roles));
            }

            logger.LogInformation("Seeded {UserCount} demo users", seedUsers.Length);
        }

        var switchesFile = Path.Combine(seedDataPath, "kill-switches.json");
        if (File.Exists(switchesFile))
        {
            var seedSwitches = JsonSerializer.Deserialize<KillSwitchDefinition[]>(
                await File.ReadAllTextAsync(switchesFile), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
            foreach (var definition in seedSwitches)
            {
                await killSwitches.CreateAsync(Actor.System, definition);
            }

            logger.LogInformation("Seeded {KillSwitchCount} kill switches", seedSwitches.Length);
        }

        var scopeCount = await ScopeSeed.LoadAsync(seedDataPath, scopes);
        logger.LogInformation("Seeded {ScopeCount} scopes", scopeCount);

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
}
