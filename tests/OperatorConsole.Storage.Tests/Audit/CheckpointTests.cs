using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Audit;

/// <summary>The checkpoint key and log beside a real data file, and the sealer over them.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CheckpointKey_FirstStart_CreatesAnOwnerOnlyFileBesideTheDataFile()
    {
        var file = _store.CheckpointKey.KeyFile;

        Assert.Equal(Path.GetDirectoryName(_store.DataFile), Path.GetDirectoryName(file));
        Assert.NotEqual(_store.DataFile, file);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void CheckpointKey_Reloaded_KeepsItsIdAndVerifiesWhatItSigned()
    {
        var signature = _store.CheckpointKey.Sign("head 7");

        using var reloaded = new CheckpointKey(_store.CheckpointKey.KeyFile);

        Assert.Equal(_store.CheckpointKey.KeyId, reloaded.KeyId);
        Assert.True(reloaded.Verify("head 7", signature));
        Assert.False(reloaded.Verify("head 8", signature));
    }

    [Fact]
    public void CheckpointKey_CreatedByInstancesStartingTogether_IsOneKeyForAll()
    {
        var folder = Path.GetDirectoryName(_store.DataFile)!;
        var file = Path.Combine(folder, "shared.checkpoint-key.pem");
        var keys = new CheckpointKey[8];

        Parallel.For(0, keys.Length, i => keys[i] = new CheckpointKey(file));

        Assert.Single(keys.Select(k => k.KeyId).Distinct());
        Assert.Equal([file], Directory.GetFiles(folder, "shared.checkpoint-key.pem*"));
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task Verify_AfterSealing_ReportsCoverageAndUnsealedTail()
    {
        await _store.Changes.RunAsync(TestActors.Omar, c => c.Record("run.start", "run:1", new { }));
        await _store.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        await _store.Changes.RunAsync(TestActors.Omar, c => c.Record("run.check-step", "run:1/s1", new { }));

        var v = _store.Audit.Verify();

        Assert.True(v.IsValid, v.Problem);
        Assert.Equal((1L, 1L, 1), (v.SealedThrough, v.NotYetSealed, v.CheckpointCount));
    }

    [Fact]
    public async Task SealIfDue_FewerEntriesThanSealEveryAndRecentCheckpoint_DoesNotSeal()
    {
        await _store.Sealer.SealHeadAsync(CheckpointReasons.Startup);
        await _store.Changes.RunAsync(TestActors.Omar, c => c.Record("run.start", "run:1", new { }));

        var sealedNow = await _store.Sealer.SealIfDueAsync(new CheckpointOptions { SealEvery = 2, SealInterval = TimeSpan.FromHours(1) });
        await _store.Changes.RunAsync(TestActors.Omar, c => c.Record("run.start", "run:2", new { }));
        var sealedLater = await _store.Sealer.SealIfDueAsync(new CheckpointOptions { SealEvery = 2, SealInterval = TimeSpan.FromHours(1) });

        Assert.Null(sealedNow);
        Assert.Equal((2L, 2L, CheckpointReasons.Interval), (sealedLater!.Number, sealedLater.Sequence, sealedLater.Reason));
    }

    [Fact]
    public void CheckpointLog_LineThatIsNotACheckpoint_IsNamedByVerify()
    {
        File.AppendAllText(_store.Checkpoints.File, "{not json\n");

        var v = _store.Audit.Verify();

        Assert.False(v.IsValid);
        Assert.Equal("Checkpoint #1: the stored checkpoint is malformed (line 1 of the checkpoint file is not a checkpoint).", v.Problem);
    }
}
