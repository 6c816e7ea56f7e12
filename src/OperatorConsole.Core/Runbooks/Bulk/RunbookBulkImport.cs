using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Bulk;

/// <summary>
/// Imports a whole runbook repository from an archive. Each runbook is its own import (its own write and ledger entry),
/// so a refused file leaves the others imported; files are reported in the order they are done.
/// </summary>
public sealed class RunbookBulkImport(RunbookService runbooks, ChangeRunner changes)
{
    /// <summary>Refuses someone who may not import before their archive is even read; each import checks again.</summary>
    public Task RequireImporterAsync(Actor actor, CancellationToken cancellationToken = default) =>
        changes.CheckAsync(actor, c => c.Require(RunbookActions.Import, "runbook-archive"), cancellationToken);

    /// <summary>
    /// Reads the archive within <see cref="ArchiveLimits"/> and classifies its files; nothing is stored. With a
    /// <paramref name="prefix"/> (<see cref="ImportPrefix"/>), every path, and so every runbook's identity, starts with
    /// it; files are classified by their place in the archive, before it is added.
    /// </summary>
    public static BulkImportPlan Plan(byte[] archive, string? prefix = null)
    {
        var folder = ImportPrefix.Normalize(prefix);
        var files = RunbookArchive.Read(archive).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var classes = files.Select(f => f.Content is null ? new FileClass(FileKind.Skipped) : RunbookFileClassifier.Classify(f.Path, f.Content));
        return new BulkImportPlan(
            [.. files.Select(f => f.WithPath(ImportPrefix.Apply(folder, f.Path)))],
            [.. classes.Select(c => c with { References = c.References?.Select(r => ImportPrefix.Apply(folder, r)).ToList() })]);
    }

    public async Task<BulkImportReport> ImportAsync(
        Actor actor, BulkImportPlan plan, Action<BulkImportRow>? progress = null, CancellationToken cancellationToken = default)
    {
        var planned = plan.Files.Zip(plan.Classes).ToList();
        var assets = planned.Where(p => p.Second.Kind == FileKind.Asset && p.First.Content is not null)
            .ToDictionary(p => p.First.Path, p => p.First.Content!, StringComparer.Ordinal);
        var keptWith = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var rows = new List<BulkImportRow>();
        void Report(BulkImportRow row)
        {
            rows.Add(row);
            progress?.Invoke(row);
        }

        foreach (var (file, kind) in planned.Where(p => p.Second.Kind == FileKind.Runbook && p.First.Content is not null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = (kind.References ?? []).Where(assets.ContainsKey).ToDictionary(r => r, r => assets[r], StringComparer.Ordinal);
            var row = await ImportOneAsync(actor, new RunbookUpload(file.Path, file.Content!, files));
            foreach (var path in row.Slug is null ? Enumerable.Empty<string>() : files.Keys)
            {
                (keptWith.TryGetValue(path, out var slugs) ? slugs : keptWith[path] = []).Add(row.Slug!);
            }

            Report(row);
        }

        foreach (var (file, kind) in planned.Where(p => p.Second.Kind != FileKind.Runbook || p.First.Content is null))
        {
            Report(OtherRow(file, kind, keptWith.GetValueOrDefault(file.Path)));
        }

        return new BulkImportReport(rows);
    }

    private async Task<BulkImportRow> ImportOneAsync(Actor actor, RunbookUpload upload)
    {
        try
        {
            var result = await runbooks.ImportAsync(actor, upload);
            var outcome = result.Unchanged ? BulkOutcome.Unchanged : result.IsNewVersion ? BulkOutcome.Updated : BulkOutcome.Imported;
            var warnings = result.Runbook.Warnings.Count > 0 ? string.Join(" ", result.Runbook.Warnings) : null;
            return new BulkImportRow(upload.SourcePath!, outcome, result.Runbook.Slug, result.Runbook.Version, warnings);
        }
        catch (DomainException ex)
        {
            return new BulkImportRow(upload.SourcePath!, BulkOutcome.Refused, Reason: ex.Message);
        }
    }

    private static BulkImportRow OtherRow(ArchiveFile file, FileClass kind, SortedSet<string>? keptWith) => (file.Content, kind.Kind) switch
    {
        (null, _) => new BulkImportRow(file.Path, BulkOutcome.Refused, Reason: $"The file is larger than {ArchiveLimits.MaxFileBytes / 1024 / 1024} MB."),
        (_, FileKind.Asset) when keptWith is not null => new BulkImportRow(file.Path, BulkOutcome.Attached, Reason: $"Kept with {string.Join(", ", keptWith)}."),
        (_, FileKind.Asset) => new BulkImportRow(file.Path, BulkOutcome.Skipped, Reason: "No imported runbook references it."),
        _ => new BulkImportRow(file.Path, BulkOutcome.Skipped, Reason: kind.Reason),
    };
}
