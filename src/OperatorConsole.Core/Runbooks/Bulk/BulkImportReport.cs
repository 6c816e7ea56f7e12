namespace OperatorConsole.Core.Runbooks.Bulk;

public enum BulkOutcome
{
    /// <summary>A new runbook.</summary>
    Imported,

    /// <summary>A new version of a runbook that came from the same path or id.</summary>
    Updated,

    /// <summary>The same content (and files) as one of the runbook's versions: nothing written.</summary>
    Unchanged,

    /// <summary>An image or linked file kept with the runbooks that reference it.</summary>
    Attached,

    /// <summary>Not a runbook (README, index page, template, unreferenced file); <see cref="BulkImportRow.Reason"/> says why.</summary>
    Skipped,

    /// <summary>A runbook the import refused (invalid UTF-8, too big, nested too deeply…), with the reason.</summary>
    Refused,
}

/// <summary>What became of one file of the archive.</summary>
public sealed record BulkImportRow(string Path, BulkOutcome Outcome, string? Slug = null, int? Version = null, string? Reason = null);

/// <summary>The archive read and each file classified, before anything is imported.</summary>
public sealed record BulkImportPlan(IReadOnlyList<ArchiveFile> Files, IReadOnlyList<FileClass> Classes)
{
    public int Count => Files.Count;
}

public sealed record BulkImportReport(IReadOnlyList<BulkImportRow> Rows)
{
    public int Count(BulkOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
