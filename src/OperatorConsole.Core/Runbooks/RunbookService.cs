using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks.Files;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Runbooks;

public sealed record ImportResult(Runbook Runbook, bool IsNewVersion, bool Unchanged);

public sealed class RunbookService(ChangeRunner changes, RunbookParser parser, LatestRunbooks latest)
{
    public const Role Importers = Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;

    public IReadOnlyList<Runbook> List(RunbookFilter? filter = null) =>
        [.. RunbookSearch.Apply(changes.Store.Read(s => s.Runbooks.Latest()), filter ?? new RunbookFilter())];

    /// <summary>One page of the ranked library; refuses a page size or offset out of bounds.</summary>
    public RunbookPage Search(RunbookQuery query) => RunbookSearch.Page(latest.Read(changes.Store), query);

    /// <summary>Every tag in use, for the library's tag filter.</summary>
    public IReadOnlyList<string> Tags() =>
        [.. latest.Read(changes.Store).SelectMany(r => r.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    public Runbook? Get(string slug, int? version = null) => changes.Store.Read(s => s.Runbooks.Get(slug, version));

    public IReadOnlyList<Runbook> Versions(string slug) => changes.Store.Read(s => s.Runbooks.Versions(slug));

    public Task<ImportResult> ImportAsync(Actor actor, string? fileName, byte[] content) =>
        ImportAsync(actor, new RunbookUpload(fileName, content));

    /// <summary>
    /// Parses and stores a runbook under its identity (<see cref="RunbookIdentity"/>). Content equal to any earlier
    /// version (line endings and trailing whitespace aside) with the same files changes nothing, unless it is the newest
    /// version's and this importer reads it otherwise; otherwise it becomes a new version and the old ones stay readable.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Actor actor, RunbookUpload upload)
    {
        var subject = $"runbook-file:{SafeName(upload.SourcePath)}";
        return await changes.RunAsync(actor, c =>
        {
            c.Require(RunbookActions.Import, subject);

            // Parsed after the role and lockdown gates (a Viewer is refused, whatever the file); all in the write, so a
            // lockdown engaged before this write commits still refuses the import.
            var sourcePath = upload.SourcePath is null ? null : RepoPath.Normalize(upload.SourcePath, "fileName");
            var parsed = parser.Parse(upload.Content, sourcePath);
            var files = Describe(upload.Files);
            var slug = RunbookIdentity.SlugFor(c.Session.Runbooks, parsed, sourcePath);
            var versions = c.Session.Runbooks.Versions(slug);
            // The newest version's own text read otherwise (by an older importer) becomes a version read the new way, so
            // an importer upgrade reaches runbooks by re-importing them; an older version's text changes nothing.
            var same = SourceText.SameAs(versions, parsed.Source, files);
            if (same is not null && (!ReferenceEquals(same, versions[0]) || RunbookReading.Same(same, parsed)))
            {
                return new ImportResult(same, IsNewVersion: false, Unchanged: true);
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parsed.Source)));
            var runbook = new Runbook
            {
                Slug = slug,
                Version = (versions.Count > 0 ? versions[0].Version : 0) + 1,
                Title = parsed.Title,
                SourcePath = sourcePath,
                DeclaredId = parsed.DeclaredId,
                Priority = parsed.Priority,
                Trigger = parsed.Trigger,
                Purpose = parsed.Purpose,
                Tags = parsed.Tags,
                Severities = parsed.Severities,
                Sections = parsed.Sections,
                Source = parsed.Source,
                SourceSha256 = sha,
                ImportedAt = c.Now,
                ImportedBy = c.Actor.DisplayName,
                Repairs = parsed.Repairs,
                Aliases = parsed.Aliases,
                Warnings = parsed.Warnings,
                Files = files,
            };
            c.Session.Runbooks.Add(runbook);
            foreach (var file in files)
            {
                c.Session.Runbooks.AddFileContent(file.Sha256, upload.Files![file.Path]);
            }

            var entry = c.Record(RunbookActions.Import, $"runbook:{runbook.Id}", new
            {
                title = runbook.Title,
                version = runbook.Version,
                sourcePath,
                sha256 = sha,
                steps = runbook.AllSteps.Count(),
                files = files.Count,
                repairs = runbook.Repairs.Count,
                reread = same is not null,
            });
            c.Publish(Topics.Runbooks, "runbook.imported", runbook.Slug, $"{runbook.Title} v{runbook.Version}", entry.Sequence);
            return new ImportResult(runbook, versions.Count > 0, Unchanged: false);
        });
    }

    /// <summary>The file kept with <paramref name="slug"/> v<paramref name="version"/> at <paramref name="path"/>, with its bytes.</summary>
    public (RunbookFile File, byte[] Content) OpenFile(string slug, int version, string path) =>
        changes.Store.Read(s =>
            s.Runbooks.Get(slug, version)?.Files.FirstOrDefault(f => f.Path == path) is { } file
                && s.Runbooks.FileContent(file.Sha256) is { } content
                ? (file, content)
                : throw new NotFoundException($"Runbook '{slug}' v{version} has no file '{path}'."));

    /// <summary>What the relative links of <paramref name="runbook"/> resolve to, for rendering it.</summary>
    public RunbookLinkContext LinksOf(Runbook runbook) =>
        new(runbook.Slug, runbook.Version, runbook.SourcePath, runbook.Files,
            path => changes.Store.Read(s => s.Runbooks.FindBySourcePath(path))?.Slug);

    private static List<RunbookFile> Describe(IReadOnlyDictionary<string, byte[]>? files) =>
        [.. (files ?? new Dictionary<string, byte[]>())
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new RunbookFile(
                f.Key,
                RunbookFileTypes.ContentTypeOf(f.Key) ?? "application/octet-stream",
                Convert.ToHexStringLower(SHA256.HashData(f.Value)),
                f.Value.Length))];

    private static string SafeName(string? fileName) =>
        new((fileName ?? "pasted").Where(ch => !char.IsControl(ch)).Take(120).ToArray());
}
