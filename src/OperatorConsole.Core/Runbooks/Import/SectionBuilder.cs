namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>Collects one section's steps, tables and (for descriptive sections) text while the document is walked.</summary>
internal sealed class SectionBuilder(string id, string title, int level, SectionRole role, Priority priority, string? headingSeverity, bool actionable)
{
    private readonly List<RunbookStep> _steps = [];
    private readonly List<RunbookTable> _tables = [];
    private readonly SortedSet<string> _mentions = new(StringComparer.Ordinal);
    private (int Start, int End)? _body;
    private RunbookStep? _pointer;

    public string Title => title;

    public int Level => level;

    public SectionRole Role => role;

    public Priority Priority => priority;

    public string? HeadingSeverity => headingSeverity;

    /// <summary>Steps come from this section: its heading names an action, or it sits under one that does.</summary>
    public bool Actionable => actionable;

    public bool IsContext => role == SectionRole.Context;

    public int StepCount => _steps.Count;

    /// <summary>Adds the step under the next id in this section ("s3-2") and returns its index.</summary>
    public int Add(RunbookStep step)
    {
        _steps.Add(step with { Id = $"{id}-{_steps.Count + 1}" });
        return _steps.Count - 1;
    }

    public RunbookStep StepAt(int index) => _steps[index];

    public void Replace(int index, RunbookStep step) => _steps[index] = step;

    public void Add(RunbookTable table) => _tables.Add(table);

    /// <summary>Keeps the first "See [other runbook]" pointer: the section's step if it ends without any.</summary>
    public void OfferPointer(RunbookStep step) => _pointer ??= step;

    public void Mention(IEnumerable<string> severities) => _mentions.UnionWith(severities);

    /// <summary>Extends the section's text to cover the source from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public void Cover(int start, int end) => _body = _body is { } body ? (body.Start, Math.Max(body.End, end)) : (start, end);

    // A severity named in the heading describes the section; otherwise the gravest one mentioned does.
    public RunbookSection Build(string source) =>
        new(id, title, level, role, priority, headingSeverity ?? _mentions.Min, StepsOrPointer(), _tables.ToList(), BodyOf(source));

    private List<RunbookStep> StepsOrPointer() =>
        _steps.Count == 0 && _pointer is { } pointer ? [pointer with { Id = $"{id}-1" }] : _steps.ToList();

    private string? BodyOf(string source) =>
        _body is { } body && body.Start < source.Length ? source[body.Start..Math.Min(source.Length, body.End + 1)].Trim() : null;
}
