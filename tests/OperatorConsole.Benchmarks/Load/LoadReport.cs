using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>A run's figures, printed as a table and written as markdown and JSON.</summary>
public sealed record LoadReport(Machine Machine, string LoadAverageAtEnd, LoadOptions Options, IReadOnlyList<Figure> Figures)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Markdown()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}; load average at the end {LoadAverageAtEnd}.")
            .AppendLine()
            .AppendLine("| path | measured | target | |")
            .AppendLine("|---|---|---|---|");
        foreach (var figure in Figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Path} | {figure.Measured} | {figure.Target} | {figure.Verdict} |");
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes load-{time}.md and .json into the folder; returns the markdown file's path.</summary>
    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var name = Path.Combine(folder, $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        File.WriteAllText(name + ".md", Markdown());
        File.WriteAllText(name + ".json", ToJson());
        return name + ".md";
    }
}
