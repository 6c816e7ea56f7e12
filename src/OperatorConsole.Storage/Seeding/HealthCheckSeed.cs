using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.HealthChecks;

namespace OperatorConsole.Storage.Seeding;

/// <summary>
/// seed-data/health-checks.json (002's daily ledger check, on any console) and demo-health-checks.json (001's three daily
/// thresholds and 000's health rite against the demo targets the console serves, marked as demo).
/// </summary>
internal static class HealthCheckSeed
{
    public const string FileName = "health-checks.json";
    public const string DemoFileName = "demo-health-checks.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> LoadAsync(string seedDataPath, string fileName, ScheduledCheckService checks, bool demo)
    {
        var file = Path.Combine(seedDataPath, fileName);
        if (!File.Exists(file))
        {
            return 0;
        }

        var definitions = JsonSerializer.Deserialize<ScheduledCheckDefinition[]>(await File.ReadAllTextAsync(file), Json) ?? [];
        foreach (var definition in definitions)
        {
            await checks.CreateAsync(Actor.System, definition, demo);
        }

        return definitions.Length;
    }
}
