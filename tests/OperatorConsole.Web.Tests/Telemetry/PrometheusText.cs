using System.Globalization;
using System.Text.RegularExpressions;

namespace OperatorConsole.Web.Tests.Telemetry;

/// <summary>A scrape in the Prometheus text format, read back into samples: name, labels as written, value.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text => text;

    public IEnumerable<(string Name, string Labels, double Value)> Samples() =>
        text.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => Sample().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["labels"].Value, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));

    public bool Has(string name) => Samples().Any(s => s.Name == name);

    /// <summary>The sum of <paramref name="name"/>'s samples whose labels contain <paramref name="label"/> (e.g. topic="kill-switches"); 0 when absent.</summary>
    public double Sum(string name, string label = "") =>
        Samples().Where(s => s.Name == name && s.Labels.Contains(label, StringComparison.Ordinal)).Sum(s => s.Value);

    // Label values are quoted and may hold braces (a route such as "/api/kill-switches/{key}/flip").
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();
}
