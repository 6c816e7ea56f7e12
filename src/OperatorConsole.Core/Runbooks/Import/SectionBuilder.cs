namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>Collects one section's steps and tables while the document is walked.</summary>
internal sealed class SectionBuilder(string id, string title, int level, SectionRole role, Priority priority, string? headingSeverity)
{
    private readonly List<RunbookStep> _steps = [];
    private readonly List<RunbookTable> _tables = [];
    private readonly SortedSet<string> _mentions = new(StringComparer.Ordinal);

    public string Title => title;

    public int Level => level;

    public Priority Priority => priority;

    public string? HeadingSeverity => headingSeverity;

    /// <summary>Adds the step under the next id in this section ("s3-2") and returns its index.</summary>
    public int Add(RunbookStep step)
    {
        _steps.Add(step with { Id = $"{id}-{_steps.Count + 1}" });
        return _steps.Count - 1;
    }

    public RunbookStep StepAt(int index) => _steps[index];

    public void Replace(int index, RunbookStep step) => _steps[index] = step;

    public void Add(RunbookTable table) => _tables.Add(table);

    public void Mention(IEnumerable<string> severities) => _mentions.UnionWith(severities);

    // A severity named in the heading describes the section; otherwise the gravest one mentioned does.
    public RunbookSection Build() =>
        new(id, title, level, role, priority, headingSeverity ?? _mentions.Min, _steps.ToList(), _tables.ToList());
}
