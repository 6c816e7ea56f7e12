using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import.Corpus;

/// <summary>One runbook of the golden corpus, its path relative to the corpus root and its golden file.</summary>
internal sealed record CorpusFile(string RelativePath, string MarkdownPath, Golden Golden)
{
    public ParsedRunbook Parse() => new RunbookParser().Parse(File.ReadAllBytes(MarkdownPath), Path.GetFileName(MarkdownPath));
}

/// <summary>
/// The corpus under tests/…/Runbooks/Corpus: runbooks written in the styles of public alert-runbook repositories
/// (kube-prometheus, GitLab, Hugo and Jekyll sites, SRE playbooks, the seeds' own layout), one folder per style.
/// </summary>
internal static class CorpusFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Runbooks", "Corpus");

    public static IReadOnlyList<CorpusFile> All() =>
        [.. Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new CorpusFile(
                Path.GetRelativePath(Root, path).Replace('\\', '/'),
                path,
                Golden.Read(Path.ChangeExtension(path, ".expected.json"))))];
}
