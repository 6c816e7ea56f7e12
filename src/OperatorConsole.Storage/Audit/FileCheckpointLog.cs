using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Audit;

namespace OperatorConsole.Storage.Audit;

/// <summary>
/// Checkpoints as JSON lines in a file beside the data file: outside it, so that a data file rolled back or
/// edited does not take its checkpoints along. Each append is flushed to disk before it returns.
/// </summary>
public sealed class FileCheckpointLog(string file) : ICheckpointLog
{
    private const int StartLength = 64;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
    private readonly Lock _gate = new();
    private LedgerCheckpoint[] _parsed = [];
    private long _parsedLength;
    private byte[] _start = [];
    private byte[] _lastLine = [];
    private DateTime _writtenAt;

    public string File { get; } = Path.GetFullPath(file);

    public static string DefaultPathFor(string dataFile) => Path.ChangeExtension(Path.GetFullPath(dataFile), ".checkpoints.jsonl");

    /// <summary>
    /// Parses only what was appended since the last call: the file is append-only and may be shared by several
    /// instances. It is read whole again when it no longer starts with what was parsed (see <see cref="StillAppendOnly"/>).
    /// A last line without its newline yet (an append under way) is parsed but not kept.
    /// </summary>
    public IReadOnlyList<LedgerCheckpoint> All()
    {
        lock (_gate)
        {
            var info = new FileInfo(File);
            if (!info.Exists)
            {
                Forget();
                return [];
            }

            using var stream = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = stream.Length;
            if (!StillAppendOnly(stream, length, info.LastWriteTimeUtc))
            {
                Forget();
            }

            _writtenAt = info.LastWriteTimeUtc;
            var added = ReadAt(stream, _parsedLength, length - _parsedLength);
            var whole = Array.LastIndexOf(added, (byte)'\n') + 1;
            if (whole > 0)
            {
                var kept = _parsed.Length;
                _parsed = [.. _parsed, .. Lines(added.AsSpan(0, whole), _parsedLength == 0).Select((l, i) => Parse(l, kept + i))];
                _parsedLength += whole;
                _lastLine = added[(whole < 2 ? 0 : Array.LastIndexOf(added, (byte)'\n', whole - 2) + 1)..whole];
                _start = _start.Length >= StartLength ? _start : ReadAt(stream, 0, Math.Min(StartLength, _parsedLength));
            }

            var partial = Lines(added.AsSpan(whole), _parsedLength == 0);
            return partial.Count == 0 ? _parsed : [.. _parsed, .. partial.Select((l, i) => Parse(l, _parsed.Length + i))];
        }
    }

    public LedgerCheckpoint? Latest()
    {
        var all = All();
        return all.Count == 0 ? null : all[^1];
    }

    public void Append(LedgerCheckpoint checkpoint)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            using var stream = new FileStream(File, FileMode.Append, FileAccess.Write);
            stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(checkpoint with { Defect = null }, Json) + "\n"));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Writes the checkpoints that seal entries up to <paramref name="sequence"/> to <paramref name="target"/>, durably:
    /// a backup's own checkpoint log, which ends where the backup's ledger ends.
    /// </summary>
    public void CopyThrough(long sequence, string target)
    {
        var kept = All().Where(c => c.Defect is null && c.Sequence <= sequence)
            .Select(c => JsonSerializer.Serialize(c, Json) + "\n");
        using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Encoding.UTF8.GetBytes(string.Concat(kept)));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Whether the file is still what was parsed with lines appended: not shorter, not written without growing (rewritten
    /// in place), the same first bytes, and the last parsed line still where it was (an edit that changed a length
    /// before it moved it).
    /// </summary>
    private bool StillAppendOnly(FileStream stream, long length, DateTime writtenAt) =>
        length >= _parsedLength
        && (length > _parsedLength || writtenAt == _writtenAt)
        && ReadAt(stream, 0, _start.Length).AsSpan().SequenceEqual(_start)
        && ReadAt(stream, _parsedLength - _lastLine.Length, _lastLine.Length).AsSpan().SequenceEqual(_lastLine);

    private void Forget()
    {
        _parsed = [];
        _parsedLength = 0;
        _start = [];
        _lastLine = [];
    }

    private static byte[] ReadAt(FileStream stream, long offset, long count)
    {
        var bytes = new byte[count];
        stream.Position = offset;
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The non-empty lines, split as <see cref="System.IO.File.ReadAllLines(string)"/> splits them.</summary>
    private static List<string> Lines(ReadOnlySpan<byte> utf8, bool fileStart)
    {
        if (fileStart && utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        var lines = new List<string>();
        using var reader = new StringReader(Encoding.UTF8.GetString(utf8));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>A line that is not a checkpoint is kept as a defective one, so verification names it instead of failing.</summary>
    private static LedgerCheckpoint Parse(string line, int index)
    {
        try
        {
            var cp = JsonSerializer.Deserialize<LedgerCheckpoint>(line, Json);
            if (cp is not null && cp.EntryHash is not null && cp.PreviousCheckpointHash is not null && cp.CreatedAt is not null
                && cp.Reason is not null && cp.KeyId is not null && cp.Signature is not null)
            {
                return cp with { Defect = null };
            }
        }
        catch (JsonException)
        {
        }

        return new LedgerCheckpoint(index + 1, 0, "", "", "", "", "", "", $"line {index + 1} of the checkpoint file is not a checkpoint");
    }
}
