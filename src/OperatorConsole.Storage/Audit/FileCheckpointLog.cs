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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
    private readonly Lock _gate = new();

    public string File { get; } = Path.GetFullPath(file);

    public static string DefaultPathFor(string dataFile) => Path.ChangeExtension(Path.GetFullPath(dataFile), ".checkpoints.jsonl");

    public IReadOnlyList<LedgerCheckpoint> All()
    {
        lock (_gate)
        {
            if (!System.IO.File.Exists(File))
            {
                return [];
            }

            return [.. System.IO.File.ReadAllLines(File).Where(l => l.Length > 0).Select(Parse)];
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
