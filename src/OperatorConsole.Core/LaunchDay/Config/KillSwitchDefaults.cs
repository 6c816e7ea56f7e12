using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>
/// The kill-switch defaults a config sets (keys under the expected prefix, e.g. "kill_switches.bad_pack" or
/// "KILL_SWITCH_BAD_PACK") against the console's own switches: each console switch needs a matching default in the
/// config, and the config may name no switch the console does not know. '-' and '_' and letter case are equivalent.
/// </summary>
internal static class KillSwitchDefaults
{
    // "kill_switches.bad_pack.default_on: true" is as good as "kill_switches.bad_pack: true"; other sub-keys are descriptions.
    private static readonly HashSet<string> DefaultSubKeys = new(StringComparer.OrdinalIgnoreCase) { "default", "default_on", "defaulton", "on", "enabled" };

    public static IEnumerable<LaunchCheck> Check(IReadOnlyDictionary<string, string> values, string prefix, IReadOnlyList<KillSwitch> consoleSwitches)
    {
        var configured = Configured(values, prefix);

        // A scope's own switch is what its services obey when a global one shares the key.
        var console = consoleSwitches
            .GroupBy(s => Normalize(s.Key))
            .Select(g => g.OrderBy(s => s.Scope == KillSwitch.GlobalScope).First())
            .ToList();
        foreach (var sw in console)
        {
            var name = $"Kill-switch default {sw.Key}";
            var consoleDefault = OnOff(sw.DefaultOn);
            if (!configured.TryGetValue(Normalize(sw.Key), out var setting))
            {
                yield return new(name, false, $"The console has kill switch {sw.Id} (default {consoleDefault}) but the config sets no default for it under '{prefix}'.");
            }
            else if (ParseOn(setting.Value) is not { } on)
            {
                yield return new(name, false, $"{setting.Key} is not on/off (true/false); the console's default for {sw.Id} is {consoleDefault}.");
            }
            else
            {
                yield return on == sw.DefaultOn
                    ? new(name, true, $"{setting.Key} defaults {OnOff(on)}, as the console's {sw.Id}.")
                    : new(name, false, $"{setting.Key} defaults {OnOff(on)} but the console's {sw.Id} defaults {consoleDefault}.");
            }
        }

        var known = console.Select(s => Normalize(s.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, setting) in configured.Where(c => !known.Contains(c.Key)))
        {
            yield return new($"Kill-switch default {key}", false, $"{setting.Key} sets a default for kill switch '{key}', which the console does not know; define it in the console or remove it.");
        }
    }

    private static Dictionary<string, (string Key, string Value)> Configured(IReadOnlyDictionary<string, string> values, string prefix)
    {
        var configured = new Dictionary<string, (string Key, string Value)>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(prefix))
        {
            return configured;
        }

        foreach (var (key, value) in values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            var rest = key[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || DefaultSubKeys.Contains(rest[(dot + 1)..]))
            {
                configured.TryAdd(Normalize(dot < 0 ? rest : rest[..dot]), (key, value));
            }
        }

        return configured;
    }

    private static string Normalize(string key) => key.Trim().Replace('-', '_').ToLowerInvariant();

    private static bool? ParseOn(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "1" or "yes" or "enabled" => true,
        "false" or "off" or "0" or "no" or "disabled" => false,
        _ => null,
    };

    private static string OnOff(bool on) => on ? "on" : "off";
}
