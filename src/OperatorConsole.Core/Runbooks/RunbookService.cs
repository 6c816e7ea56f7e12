using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Runbooks;

public sealed record ImportResult(Runbook Runbook, bool IsNewVersion, bool Unchanged);

public sealed class RunbookService(ChangeRunner changes, RunbookParser parser)
{
    public const Role Importers = Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;

    private readonly LatestRunbooks _latest = new();

    public IReadOnlyList<Runbook> List(RunbookFilter? filter = null) =>
        [.. RunbookSearch.Apply(changes.Store.Read(s => s.Runbooks.Latest()), filter ?? new RunbookFilter())];

    /// <summary>One page of the ranked library; refuses a page size or offset out of bounds.</summary>
    public RunbookPage Search(RunbookQuery query) => RunbookSearch.Page(_latest.Read(changes.Store), query);

    /// <summary>Every tag in use, for the library's tag filter.</summary>
    public IReadOnlyList<string> Tags() =>
        [.. _latest.Read(changes.Store).SelectMany(r => r.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    public Runbook? Get(string slug, int? version = null) => changes.Store.Read(s => s.Runbooks.Get(slug, version));

    public IReadOnlyList<Runbook> Versions(string slug) => changes.Store.Read(s => s.Runbooks.Versions(slug));

    /// <summary>
    /// Parses and stores a runbook. The same source as the latest version changes nothing; a changed
    /// source becomes a new version and the old ones stay readable.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Actor actor, string? fileName, byte[] content)
    {
        var subject = $"runbook-file:{SafeName(fileName)}";
        return await changes.RunAsync(actor, c =>
        {
            c.Require(Importers, "runbook.import", subject);

            // Parsed after the role check (a Viewer is refused, whatever the file) and before the lockdown gate; all in
            // the write, so a lockdown engaged while the file was parsed still refuses the import.
            var parsed = parser.Parse(content, fileName);
            c.RequireNotLockedDown("runbook.import", subject);
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parsed.Source)));
            var latest = c.Session.Runbooks.Get(parsed.Slug);
            if (latest is not null && latest.SourceSha256 == sha)
            {
                return new ImportResult(latest, IsNewVersion: false, Unchanged: true);
            }

            var runbook = new Runbook
            {
                Slug = parsed.Slug,
                Version = (latest?.Version ?? 0) + 1,
                Title = parsed.Title,
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
            };
            c.Session.Runbooks.Add(runbook);
            var entry = c.Record("runbook.import", $"runbook:{runbook.Id}", new
            {
                title = runbook.Title,
                version = runbook.Version,
                sha256 = sha,
                steps = runbook.AllSteps.Count(),
                repairs = runbook.Repairs.Count,
            });
            c.Publish(Topics.Runbooks, "runbook.imported", runbook.Slug, $"{runbook.Title} v{runbook.Version}", entry.Sequence);
            return new ImportResult(runbook, latest is not null, Unchanged: false);
        });
    }

    private static string SafeName(string? fileName) =>
        new((fileName ?? "pasted").Where(ch => !char.IsControl(ch)).Take(120).ToArray());
}
