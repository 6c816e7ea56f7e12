using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>One store per data file, and a clear refusal when the file cannot be opened for writing.</summary>
public sealed class DataFileLockTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Open_SecondStoreOnTheSameFile_IsRefusedNamingTheFileAndTheOtherProcess()
    {
        var refused = Assert.Throws<StoreUnavailableException>(() => new LiteConsoleStore(_store.DataFile));

        Assert.Contains(_store.DataFile, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Another process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AfterTheFirstStoreClosed_OpensWithItsData()
    {
        await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", "kept", new { }));
        _store.Close();

        string? subject;
        using (var second = new LiteConsoleStore(_store.DataFile))
        {
            subject = second.Read(s => s.Ledger.Head())?.Subject;
        }

        _store.Open();
        Assert.Equal("kept", subject);
    }

    [Fact]
    public void Open_FileNotWritable_ExplainsThePathAndTheRemedy()
    {
        var folder = Path.Combine(_store.Folder, "read-only");
        var dataFile = Path.Combine(folder, "console.db");

        var refused = Assert.Throws<StoreUnavailableException>(() => new LiteConsoleStore(
            dataFile, path => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")));

        Assert.Contains(dataFile, refused.Message, StringComparison.Ordinal);
        Assert.Contains("read and write access", refused.Message, StringComparison.Ordinal);
    }
}
