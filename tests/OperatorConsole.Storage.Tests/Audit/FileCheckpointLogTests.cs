using System.Text;
using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Audit;

namespace OperatorConsole.Storage.Tests.Audit;

/// <summary>
/// The checkpoint log keeps what it parsed and reads only what was appended since, as one of several instances
/// sharing the file; a file that shrank or was rewritten is read whole again.
/// </summary>
public sealed class FileCheckpointLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oc-cplog-").FullName;

    private string LogFile => Path.Combine(_folder, "console.checkpoints.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void All_AppendedByAnotherInstance_IncludesItAfterWhatItHadRead()
    {
        var reader = new FileCheckpointLog(LogFile);
        var writer = new FileCheckpointLog(LogFile);
        writer.Append(Checkpoint(1));
        writer.Append(Checkpoint(2));
        Assert.Equal([1L, 2L], reader.All().Select(c => c.Number));

        writer.Append(Checkpoint(3));

        Assert.Equal([1L, 2L, 3L], reader.All().Select(c => c.Number));
        Assert.All(reader.All(), c => Assert.Null(c.Defect));
    }

    [Fact]
    public void All_FileTruncatedAndRewritten_ReadsItWholeAgain()
    {
        var log = new FileCheckpointLog(LogFile);
        foreach (var n in new[] { 1, 2, 3 })
        {
            log.Append(Checkpoint(n));
        }

        Assert.Equal(3, log.All().Count);

        File.Delete(LogFile);
        new FileCheckpointLog(LogFile).Append(Checkpoint(7));

        Assert.Equal([7L], log.All().Select(c => c.Number));
    }

    [Fact]
    public void All_FirstLineReplacedByALongerOne_ReadsItWholeAgain()
    {
        var log = new FileCheckpointLog(LogFile);
        log.Append(Checkpoint(1));
        log.Append(Checkpoint(2));
        Assert.Equal(2, log.All().Count);

        var lines = File.ReadAllLines(LogFile);
        lines[0] = lines[0].Replace("\"reason\":\"interval\"", "\"reason\":\"interval-forged\"", StringComparison.Ordinal);
        File.WriteAllLines(LogFile, lines);

        Assert.Equal(["interval-forged", "interval"], log.All().Select(c => c.Reason));
    }

    [Fact]
    public void All_LineRewrittenInPlaceAtTheSameLength_ReadsItWholeAgain()
    {
        var log = new FileCheckpointLog(LogFile);
        log.Append(Checkpoint(1));
        log.Append(Checkpoint(2));
        var writtenAt = File.GetLastWriteTimeUtc(LogFile);
        Assert.Equal(2, log.All().Count);

        var text = File.ReadAllText(LogFile);
        var second = text.LastIndexOf("\"keyId\":\"key-0001\"", StringComparison.Ordinal);
        File.WriteAllText(LogFile, string.Concat(text.AsSpan(0, second), text.AsSpan(second).ToString().Replace("key-0001", "key-9999", StringComparison.Ordinal)));
        File.SetLastWriteTimeUtc(LogFile, writtenAt.AddSeconds(1));

        Assert.Equal(["key-0001", "key-9999"], log.All().Select(c => c.KeyId));
    }

    [Fact]
    public void All_LastLineStillBeingWritten_IsDefectiveOnlyUntilItIsComplete()
    {
        var log = new FileCheckpointLog(LogFile);
        log.Append(Checkpoint(1));
        var line = File.ReadAllText(LogFile);
        using (var half = new FileStream(LogFile, FileMode.Append))
        {
            half.Write(Encoding.UTF8.GetBytes(line[..(line.Length / 2)]));
        }

        Assert.NotNull(log.All()[^1].Defect);

        using (var rest = new FileStream(LogFile, FileMode.Append))
        {
            rest.Write(Encoding.UTF8.GetBytes(line[(line.Length / 2)..]));
        }

        Assert.Equal(2, log.All().Count);
        Assert.All(log.All(), c => Assert.Null(c.Defect));
    }

    private static LedgerCheckpoint Checkpoint(long number) =>
        new(number, number * 10, new string('a', 64), new string('b', 64), "2026-11-30T10:00:00.000Z", CheckpointReasons.Interval, "key-0001", "c2lnbmF0dXJl");
}
