using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Bulk;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Features.Runbooks;

public sealed class RunbookBulkImportApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private sealed record Report(Dictionary<string, int> Counts, List<BulkImportRow> Files)
    {
        public BulkImportRow Row(string path) => Files.Single(f => f.Path == path);
    }

    [Fact]
    public async Task Bulk_ZipOfRepository_ReportsEveryFile()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        var report = await ImportOkAsync(client, TestArchives.Zip(TestArchives.Repository("zip")), "application/zip");

        Assert.Equal(11, report.Files.Count);
        Assert.Equal((BulkOutcome.Imported, "disk-full-zip"), (report.Row("zip/alerts/disk-full.md").Outcome, report.Row("zip/alerts/disk-full.md").Slug));
        Assert.Equal((BulkOutcome.Imported, "zip-team-b-disk-full"), (report.Row("zip/team-b/disk-full.md").Outcome, report.Row("zip/team-b/disk-full.md").Slug));
        Assert.Equal(BulkOutcome.Imported, report.Row("zip/alerts/cpu-high.md").Outcome);
        Assert.All(["zip/README.md", "zip/_index.md", "zip/TEMPLATE.md", "zip/img/unused.gif", "zip/tools/lint.rb"],
            path => Assert.Equal(BulkOutcome.Skipped, report.Row(path).Outcome));
        Assert.Contains("UTF-8", report.Row("zip/broken/latin1.md").Reason, StringComparison.Ordinal);
        Assert.Equal(BulkOutcome.Refused, report.Row("zip/broken/latin1.md").Outcome);
        Assert.Equal((BulkOutcome.Attached, "Kept with disk-full-zip."), (report.Row("zip/img/disk.png").Outcome, report.Row("zip/img/disk.png").Reason));
        Assert.Equal("zip/alerts/disk-full.md", host.Service<RunbookService>().Get("disk-full-zip")!.SourcePath);
    }

    [Fact]
    public async Task Bulk_TarGzOfRepository_ImportsLikeAZip()
    {
        using var client = await host.ApiClientAsync(Role.ReleaseOwner);

        var report = await ImportOkAsync(client, TestArchives.TarGz(TestArchives.Repository("tar")), "application/gzip");

        Assert.Equal((3, 2, 1, 5), (report.Counts["Imported"], report.Counts["Attached"], report.Counts["Refused"], report.Counts["Skipped"]));
        Assert.Equal(["tar/img/disk.png", "tar/img/layout.svg"], host.Service<RunbookService>().Get("disk-full-tar")!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Bulk_SameArchiveTwice_SecondIsUnchanged()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var archive = TestArchives.Zip(TestArchives.Repository("twice"));
        await ImportOkAsync(client, archive, "application/zip");

        var again = await ImportOkAsync(client, archive, "application/zip");

        Assert.Equal((0, 3), (again.Counts["Imported"] + again.Counts["Updated"], again.Counts["Unchanged"]));
    }

    [Fact]
    public async Task Bulk_EntryClimbingOut_400AndNothingImported()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var archive = TestArchives.Zip(new Dictionary<string, byte[]> { ["ok/fine.md"] = "# Fine climb\n\n1. Step.\n"u8.ToArray(), ["../evil.md"] = "# Evil\n"u8.ToArray() });

        using var response = await PostAsync(client, archive, "application/zip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("climbs out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Service<RunbookService>().List(), r => r.Title == "Fine climb");
    }

    [Fact]
    public async Task Bulk_SymbolicLinks_400()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var tar = TestArchives.TarGz(new Dictionary<string, byte[]>(), w =>
            w.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "alerts/passwd.md") { LinkName = "/etc/passwd" }));
        var zip = TestArchives.Zip(new Dictionary<string, byte[]>(), z =>
            z.CreateEntry("alerts/passwd.md").ExternalAttributes = unchecked((int)0xA1FF0000));

        using var tarResponse = await PostAsync(client, tar, "application/gzip");
        using var zipResponse = await PostAsync(client, zip, "application/zip");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tarResponse.StatusCode, zipResponse.StatusCode));
    }

    // A file quoted 200 levels deep made Markdig throw while the archive was being classified: a 500 for the whole
    // archive instead of that one file refused.
    [Fact]
    public async Task Bulk_FileNestedPastTheParsersLimit_RefusedAndTheOthersImported()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var archive = TestArchives.TarGz(new Dictionary<string, byte[]>
        {
            ["deep/fine.md"] = "# Fine beside a deep one\n\n1. Step.\n"u8.ToArray(),
            ["deep/quotes.md"] = System.Text.Encoding.UTF8.GetBytes("# Quoted\n\n" + string.Concat(Enumerable.Repeat("> ", 200)) + "deep\n"),
        });

        var report = await ImportOkAsync(client, archive, "application/gzip");

        Assert.Equal(BulkOutcome.Imported, report.Row("fine.md").Outcome);
        Assert.Equal(BulkOutcome.Refused, report.Row("quotes.md").Outcome);
        Assert.Contains("nested too deeply", report.Row("quotes.md").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_ZipBomb_413()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        using var response = await PostAsync(client, TestArchives.ZipBomb(ArchiveLimits.MaxTotalBytes + 1024 * 1024), "application/zip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Bulk_NotAnArchive_400NamingTheField()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        using var response = await PostAsync(client, "# Just markdown\n"u8.ToArray(), "application/zip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"archive\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_Viewer_403BeforeTheArchiveIsRead()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await PostAsync(client, "not an archive"u8.ToArray(), "application/zip");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task File_KeptWithVersion_ServedWithItsTypeNosniffAndSandbox()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        await ImportOkAsync(client, TestArchives.Zip(TestArchives.Repository("served")), "application/zip");
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var png = await viewer.GetAsync("/api/runbooks/disk-full-served/v1/files/served/img/disk.png");
        using var svg = await viewer.GetAsync("/api/runbooks/disk-full-served/v1/files/served/img/layout.svg");

        Assert.Equal(TestArchives.Png, await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(("image/png", "image/svg+xml"), (png.Content.Headers.ContentType?.MediaType, svg.Content.Headers.ContentType?.MediaType));
        Assert.Equal("nosniff", svg.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", svg.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Null(svg.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task File_NotKeptWithVersion_404()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        await ImportOkAsync(client, TestArchives.Zip(TestArchives.Repository("missing")), "application/zip");

        using var unused = await client.GetAsync("/api/runbooks/disk-full-missing/v1/files/missing/img/unused.gif");
        using var otherRunbook = await client.GetAsync("/api/runbooks/missing-team-b-disk-full/v1/files/missing/img/disk.png");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unused.StatusCode, otherRunbook.StatusCode));
    }

    // Two repositories both holding docs/alerts/HighLatency.md: without a prefix the second would be a version of the first.
    [Fact]
    public async Task Bulk_SamePathsUnderTwoPrefixes_AreTwoRunbooksEachWithItsFiles()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var (first, second) = (SamePathRepository("Check the router."), SamePathRepository("Check the ingress."));

        var one = await ImportOkAsync(client, first, "application/zip", "?prefix=openshift-pfx");
        var two = await ImportOkAsync(client, second, "application/zip", "?prefix=acme-pfx/");
        var again = await ImportOkAsync(client, first, "application/zip", "?prefix=openshift-pfx");

        var (a, b) = (one.Row("openshift-pfx/docs/alerts/HighLatency.md"), two.Row("acme-pfx/docs/alerts/HighLatency.md"));
        Assert.Equal((BulkOutcome.Imported, BulkOutcome.Imported), (a.Outcome, b.Outcome));
        Assert.NotEqual(a.Slug, b.Slug);
        Assert.Equal(BulkOutcome.Unchanged, again.Row("openshift-pfx/docs/alerts/HighLatency.md").Outcome);
        var runbooks = host.Service<RunbookService>();
        Assert.Equal("acme-pfx/docs/alerts/HighLatency.md", runbooks.Get(b.Slug!)!.SourcePath);
        Assert.Equal(["acme-pfx/docs/img/latency.png"], runbooks.Get(b.Slug!)!.Files.Select(f => f.Path));
        using var image = await client.GetAsync(RelativeLinks.FileUrl(b.Slug!, 1, "acme-pfx/docs/img/latency.png"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task Bulk_SamePathWithoutPrefix_IsStillANewVersion()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var first = new Dictionary<string, byte[]> { ["noprefix/alerts/HighLatency.md"] = "# HighLatency no prefix\n\n1. Check the router.\n"u8.ToArray(), ["README.md"] = "# Runbooks\n"u8.ToArray() };
        var second = new Dictionary<string, byte[]> { ["noprefix/alerts/HighLatency.md"] = "# HighLatency no prefix\n\n1. Check the ingress.\n"u8.ToArray(), ["README.md"] = "# Other runbooks\n"u8.ToArray() };
        await ImportOkAsync(client, TestArchives.Zip(first), "application/zip");

        var row = (await ImportOkAsync(client, TestArchives.Zip(second), "application/zip", "?prefix=%20")).Row("noprefix/alerts/HighLatency.md");

        Assert.Equal((BulkOutcome.Updated, 2), (row.Outcome, row.Version));
    }

    [Theory]
    [InlineData("..%2Fescape")]
    [InlineData("a%20b")]
    [InlineData("a%0Ab")]
    [InlineData(".hidden")]
    public async Task Bulk_BadPrefix_400OnThePrefixFieldAndNothingImported(string prefix)
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var archive = TestArchives.Zip(new Dictionary<string, byte[]> { ["alerts/bad-prefix.md"] = "# Bad prefix victim\n\n1. Step.\n"u8.ToArray() });

        using var response = await PostAsync(client, archive, "application/zip", $"?prefix={prefix}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"prefix\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Service<RunbookService>().List(), r => r.Title == "Bad prefix victim");
    }

    private static byte[] SamePathRepository(string step) => TestArchives.Zip(new Dictionary<string, byte[]>
    {
        ["docs/alerts/HighLatency.md"] = Encoding.UTF8.GetBytes($"# HighLatency\n\n![graph](../img/latency.png)\n\n## Mitigation\n\n1. {step}\n"),
        ["docs/img/latency.png"] = TestArchives.Png,
        ["README.md"] = "# Alert runbooks\n"u8.ToArray(),
    });

    private static async Task<Report> ImportOkAsync(HttpClient client, byte[] archive, string contentType, string query = "")
    {
        using var response = await PostAsync(client, archive, contentType, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ConsoleHost.ReadAsync<Report>(response);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] archive, string contentType, string query = "")
    {
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync("/api/runbooks/bulk" + query, content);
    }
}
