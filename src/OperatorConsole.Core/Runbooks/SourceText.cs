namespace OperatorConsole.Core.Runbooks;

/// <summary>What makes two imports "the same content": line endings and trailing whitespace do not count.</summary>
internal static class SourceText
{
    public static string Normalized(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines).TrimEnd('\n');
    }

    /// <summary>The version of <paramref name="versions"/> holding this content and these files, if any.</summary>
    public static Runbook? SameAs(IReadOnlyList<Runbook> versions, string source, IReadOnlyList<RunbookFile> files)
    {
        var normalized = Normalized(source);
        return versions.FirstOrDefault(v => v.Files.SequenceEqual(files) && Normalized(v.Source) == normalized);
    }
}
