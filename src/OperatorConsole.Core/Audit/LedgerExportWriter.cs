using System.IO.Pipelines;
using System.Text.Json;

namespace OperatorConsole.Core.Audit;

/// <summary>
/// Writes the ledger export (a <see cref="LedgerExport"/> document) as it reads it, one page of entries at a time, so
/// a long ledger is never held whole. The root hash follows the entries: it is known once the walk over them is done.
/// </summary>
public static class LedgerExportWriter
{
    private const int PageSize = 2000;

    /// <summary>Writes into <paramref name="body"/>'s buffer and awaits its flush after each page (the serializer's own flushes are synchronous, which a stream of an HTTP response refuses).</summary>
    public static async Task WriteAsync(AuditService audit, PipeWriter body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var through = await audit.SealForExportAsync();
        var walk = new ChainWalk(0, LedgerHasher.GenesisHash, new HashSet<long>());
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteStartArray(Name(nameof(LedgerExport.Entries), options));
        for (var page = audit.ExportPage(0, through, PageSize); page.Count > 0; page = audit.ExportPage(page[^1].Sequence, through, PageSize))
        {
            foreach (var entry in page)
            {
                JsonSerializer.Serialize(json, entry, options);
            }

            walk.Walk(page);
            json.Flush();
            await body.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteString(Name(nameof(LedgerExport.RootHash), options), walk.LastGoodHash);
        var checkpoints = audit.Checkpoints();
        json.WriteString(Name(nameof(LedgerExport.KeyId), options), checkpoints.KeyId);
        json.WriteString(Name(nameof(LedgerExport.PublicKeyPem), options), checkpoints.PublicKeyPem);
        json.WritePropertyName(Name(nameof(LedgerExport.Checkpoints), options));
        JsonSerializer.Serialize(json, checkpoints.Checkpoints, options);
        json.WriteEndObject();
        json.Flush();
        await body.FlushAsync(cancellationToken);
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
