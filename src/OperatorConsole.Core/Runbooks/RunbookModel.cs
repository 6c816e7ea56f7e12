namespace OperatorConsole.Core.Runbooks;

public enum Priority
{
    None = 0,
    P0,
    P1,
    P2,
    P3,
}

/// <summary>How an operator carries a step out.</summary>
public enum StepKind
{
    /// <summary>A plain instruction checked off by a person.</summary>
    Manual,

    /// <summary>A <c>- [ ]</c> check item.</summary>
    Check,

    /// <summary>A command to copy, optionally with its expected output.</summary>
    Command,

    /// <summary>An HTTP probe the server executes.</summary>
    Probe,

    /// <summary>A choice the operator must make ("If …", "Decide …").</summary>
    Decision,
}

/// <summary>What a section is for, recognised from its heading or label.</summary>
public enum SectionRole
{
    General,
    Purpose,
    Trigger,
    UseWhen,
    Steps,
    Verification,
    ClosureCondition,

    /// <summary>Descriptive text an operator reads before acting (Meaning, Impact, Causes…): no steps.</summary>
    Context,
}

public sealed record ProbeSpec(
    string Method,
    string Url,
    int ExpectedStatus,
    string? JsonPath,
    string? Operator,
    double? Threshold,
    string? Body,
    int TimeoutMs);

/// <summary>A link written in a step's text: <see cref="Text"/> is the part of the step's text it covers, <see cref="Url"/> its target as written.</summary>
public sealed record StepLink(string Text, string Url);

/// <param name="Links">The links in <see cref="Text"/>, in order (null when none); shown as links only when their target is safe to open.</param>
public sealed record RunbookStep(
    string Id,
    string Text,
    StepKind Kind,
    string? Command = null,
    string? Language = null,
    string? ExpectedOutput = null,
    ProbeSpec? Probe = null,
    bool PreChecked = false,
    IReadOnlyList<StepLink>? Links = null);

public sealed record RunbookTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record RunbookSection(
    string Id,
    string Title,
    int Level,
    SectionRole Role,
    Priority Priority,
    string? Severity,
    IReadOnlyList<RunbookStep> Steps,
    IReadOnlyList<RunbookTable> Tables,
    string? Body = null);

/// <summary>A file imported with a runbook version, addressed by its path in the imported repository.</summary>
public sealed record RunbookFile(string Path, string ContentType, string Sha256, long Size);

/// <summary>One imported version of a runbook. Versions are immutable; a new import adds a version.</summary>
public sealed record Runbook
{
    public required string Slug { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }

    /// <summary>Where the runbook came from: its path inside an imported repository, or the uploaded file name.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The <c>id</c> its front matter declares; it names the runbook wherever the file moves.</summary>
    public string? DeclaredId { get; init; }

    /// <summary>Images and linked files from the import, kept with this version (their bytes are stored by SHA-256).</summary>
    public IReadOnlyList<RunbookFile> Files { get; init; } = [];

    /// <summary>Other names the runbook answers to (front matter aliases, the alert name it is written for).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public Priority Priority { get; init; }
    public string? Trigger { get; init; }
    public string? Purpose { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Severities { get; init; } = [];
    public IReadOnlyList<RunbookSection> Sections { get; init; } = [];
    public required string Source { get; init; }
    public required string SourceSha256 { get; init; }
    public required DateTimeOffset ImportedAt { get; init; }
    public required string ImportedBy { get; init; }
    public IReadOnlyList<string> Repairs { get; init; } = [];

    /// <summary>What the import noticed but let through (no steps, a capped title…), shown with the runbook.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string Id => $"{Slug}@{Version}";

    public IEnumerable<RunbookStep> AllSteps => Sections.SelectMany(s => s.Steps);

    /// <summary>The section titled <paramref name="title"/> and the deeper sections under it, in order.</summary>
    public IReadOnlyList<RunbookSection> Part(string title)
    {
        var start = Sections.ToList().FindIndex(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return [];
        }

        var level = Sections[start].Level;
        return [Sections[start], .. Sections.Skip(start + 1).TakeWhile(s => s.Level > level)];
    }
}
