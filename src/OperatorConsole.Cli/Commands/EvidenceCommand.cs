using System.CommandLine;
using OperatorConsole.Cli.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Cli.Commands;

/// <summary>
/// <c>opsctl evidence export INCIDENT &gt; bundle.json</c> preserves the incident's evidence bundle (a ledger write) and
/// writes it byte for byte; <c>opsctl evidence verify bundle.json</c> checks one offline, with the console's own code.
/// </summary>
public static class EvidenceCommand
{
    public static Command Create(CliContext context) => new("evidence", "Evidence bundles.") { Export(context), Verify(context) };

    private static Command Export(CliContext context)
    {
        var id = new Argument<string>("INCIDENT") { Description = "The incident's id." };
        var export = new Command("export", "Preserve an incident's evidence bundle and write it to stdout.") { id };
        export.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var bundle = await api.PostForBytesAsync($"/api/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/evidence-bundle", ct);

            // The bundle is ASCII canonical JSON: written unchanged in either output mode, so its hash still holds.
            await context.Out.WriteAsync(System.Text.Encoding.ASCII.GetString(bundle).AsMemory(), ct);
            await context.Out.FlushAsync(ct);
            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command Verify(CliContext context)
    {
        var file = new Argument<FileInfo>("BUNDLE") { Description = "The bundle file (- for stdin)." };
        var key = new Option<FileInfo?>("--public-key") { Description = "The console's published key (GET /api/ledger/public-key); else the key in the bundle." };
        var verify = new Command("verify", "Check a bundle offline: integrity and part hashes, cited ledger entries, the checkpoint signature.") { file, key };
        verify.SetAction(async (parse, ct) =>
        {
            var text = await ReadAsync(parse.GetValue(file)!, ct);
            var pem = parse.GetValue(key) is { } keyFile ? await ReadAsync(keyFile, ct) : null;
            var result = OfflineBundleCheck.Verify(text, pem);
            if (!result.Readable)
            {
                throw new CliException(ExitCodes.BadInput, result.Problems[0]);
            }

            Output.Write(parse, context, result, r => r.Consistent
                ? [$"consistent {r.Kind} bundle of '{r.SubjectId}' ({r.IntegrityHash}); checkpoint signed by key {r.KeyId}"]
                : r.Problems.Select(p => $"INVALID: {p}"));
            return result.Consistent ? ExitCodes.Ok : ExitCodes.VerifyFailed;
        });
        return verify;
    }

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken ct)
    {
        try
        {
            return file.Name == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(file.FullName, ct);
        }
        catch (IOException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"Cannot read {file}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"Cannot read {file}: {ex.Message}");
        }
    }
}
