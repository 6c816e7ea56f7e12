using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Runbooks;

public sealed class RunbookIdentityTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private static byte[] Doc(string title, string body = "1. Check the disk.", string frontMatter = "") =>
        Encoding.UTF8.GetBytes($"{frontMatter}# {title}\n\n## Steps\n\n{body}\n");

    [Fact]
    public async Task Import_SameTitleInTwoFiles_TwoRunbooks()
    {
        var first = await _store.Runbooks.ImportAsync(TestActors.Omar, "team-a/disk-full.md", Doc("Disk full", "1. Clean /var/log."));

        var second = await _store.Runbooks.ImportAsync(TestActors.Omar, "team-b/disk-full.md", Doc("Disk full", "1. Grow the volume."));

        Assert.Equal(("disk-full", 1), (first.Runbook.Slug, first.Runbook.Version));
        Assert.Equal(("team-b-disk-full", 1, false), (second.Runbook.Slug, second.Runbook.Version, second.IsNewVersion));
        Assert.Single(_store.Runbooks.Versions("disk-full"));
        Assert.Equal("team-b/disk-full.md", _store.Runbooks.Get("team-b-disk-full")!.SourcePath);
    }

    [Fact]
    public async Task Import_SameTitleAndPathSlugTaken_NumberedSlug()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "a/x.md", Doc("Disk full"));
        await _store.Runbooks.ImportAsync(TestActors.Omar, "disk-full.md", Doc("Disk full", "1. Other."));

        var third = await _store.Runbooks.ImportAsync(TestActors.Omar, "b/disk-full.md", Doc("Disk full", "1. Third."));

        Assert.Equal("b-disk-full", third.Runbook.Slug);
        var fourth = await _store.Runbooks.ImportAsync(TestActors.Omar, "b/disk/full.md", Doc("Disk full", "1. Fourth."));
        Assert.Equal("b-disk-full-2", fourth.Runbook.Slug);
    }

    [Fact]
    public async Task Import_SamePathChangedTitle_NewVersionOfSameRunbook()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "alerts/disk.md", Doc("Disk full"));

        var renamed = await _store.Runbooks.ImportAsync(TestActors.Omar, "alerts/disk.md", Doc("Disk almost full"));

        Assert.Equal(("disk-full", 2, "Disk almost full"), (renamed.Runbook.Slug, renamed.Runbook.Version, renamed.Runbook.Title));
    }

    [Fact]
    public async Task Import_SameContentWithCrlfAndTrailingSpaces_Unchanged()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Doc("Disk full"));
        var crlf = Encoding.UTF8.GetString(Doc("Disk full")).Replace("\n", "  \r\n", StringComparison.Ordinal);

        var again = await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Encoding.UTF8.GetBytes(crlf));

        Assert.Equal((true, 1), (again.Unchanged, again.Runbook.Version));
        Assert.Single(_store.Runbooks.Versions("disk-full"));
    }

    [Fact]
    public async Task Import_ContentOfAnOlderVersion_UnchangedAndNoNewVersion()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Doc("Disk full", "1. Old way."));
        await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Doc("Disk full", "1. New way."));

        var back = await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Doc("Disk full", "1. Old way."));

        Assert.Equal((true, 1), (back.Unchanged, back.Runbook.Version));
        Assert.Equal(2, _store.Runbooks.Versions("disk-full").Count);
    }

    [Fact]
    public async Task Import_FrontMatterIdAfterMove_SameRunbook()
    {
        const string Id = "---\nid: disk-full-runbook\n---\n";
        await _store.Runbooks.ImportAsync(TestActors.Omar, "old/disk.md", Doc("Disk full", frontMatter: Id));

        var moved = await _store.Runbooks.ImportAsync(TestActors.Omar, "new/storage.md", Doc("Disk full", "1. Changed.", Id));

        Assert.Equal(("disk-full", 2, "new/storage.md"), (moved.Runbook.Slug, moved.Runbook.Version, moved.Runbook.SourcePath));
        Assert.Equal("disk-full-runbook", moved.Runbook.DeclaredId);
    }

    [Fact]
    public async Task Import_OtherIdAtSamePath_OwnRunbook()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Doc("Disk full", frontMatter: "---\nid: one\n---\n"));

        var other = await _store.Runbooks.ImportAsync(TestActors.Omar, "disk.md", Doc("Disk full", frontMatter: "---\nid: two\n---\n"));

        Assert.Equal(("disk", 1), (other.Runbook.Slug, other.Runbook.Version));
    }

    [Fact]
    public async Task Import_FileWithTitleOfAPastedRunbook_ContinuesItAndRecordsThePath()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, null, Doc("Disk full"));

        var fromFile = await _store.Runbooks.ImportAsync(TestActors.Omar, "alerts/disk.md", Doc("Disk full", "1. Changed."));

        Assert.Equal(("disk-full", 2, "alerts/disk.md"), (fromFile.Runbook.Slug, fromFile.Runbook.Version, fromFile.Runbook.SourcePath));
    }

    [Fact]
    public async Task Import_PathClimbingOut_RefusedNamingTheField()
    {
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Runbooks.ImportAsync(TestActors.Omar, "../etc/disk.md", Doc("Disk full")));

        Assert.Contains("fileName", error.Errors.Keys);
        Assert.Empty(_store.Runbooks.List());
    }

    [Fact]
    public async Task Import_FileChangedButDocumentSame_NewVersionKeepsFiles()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, new RunbookUpload("disk.md", Doc("Disk full"), Files("one")));

        var result = await _store.Runbooks.ImportAsync(TestActors.Omar, new RunbookUpload("disk.md", Doc("Disk full"), Files("two")));

        Assert.Equal((2, false), (result.Runbook.Version, result.Unchanged));
        var (file, content) = _store.Runbooks.OpenFile("disk-full", 1, "img/graph.png");
        Assert.Equal(("image/png", "one"), (file.ContentType, Encoding.UTF8.GetString(content)));
        Assert.Throws<NotFoundException>(() => _store.Runbooks.OpenFile("disk-full", 2, "img/missing.png"));
    }

    private static Dictionary<string, byte[]> Files(string content) => new() { ["img/graph.png"] = Encoding.UTF8.GetBytes(content) };
}
