using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Tests.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Incidents;

public sealed class IncidentCatalogTests
{
    public static TheoryData<IncidentClass> ClassesWithRunbooks() =>
        [.. IncidentCatalog.Classes.Where(c => c.RunbookSection.Length > 0).Select(c => c.Class)];

    [Theory]
    [MemberData(nameof(ClassesWithRunbooks))]
    public void ClassRunbookSection_ExistsInSeed004WithSteps(IncidentClass incidentClass)
    {
        var parsed = SeedRunbooks.Parse(SeedRunbooks.BinKindly);
        var runbook = new Runbook
        {
            Slug = parsed.Slug, Version = 1, Title = parsed.Title, Sections = parsed.Sections, Source = parsed.Source,
            SourceSha256 = "x", ImportedAt = DateTimeOffset.UnixEpoch, ImportedBy = "test",
        };

        var part = runbook.Part(IncidentCatalog.Info(incidentClass).RunbookSection);

        Assert.Equal(IncidentCatalog.ClassRunbookSlug, parsed.Slug);
        Assert.NotEmpty(part);
        Assert.NotEmpty(part.SelectMany(s => s.Steps));
    }

    [Fact]
    public void EverySeverity_HasItsRequiredResponses()
    {
        Assert.Equal(4, IncidentCatalog.Obligations[IncidentSeverity.Sev1].Count);
        Assert.Equal(3, IncidentCatalog.Obligations[IncidentSeverity.Sev2].Count);
        Assert.Equal(3, IncidentCatalog.Obligations[IncidentSeverity.Sev3].Count);
    }
}
