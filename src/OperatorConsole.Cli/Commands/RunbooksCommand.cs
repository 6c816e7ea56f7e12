using System.CommandLine;
using System.Net.Http.Headers;
using OperatorConsole.Cli.Common;

namespace OperatorConsole.Cli.Commands;

/// <summary><c>opsctl runbooks import FILE.md</c>: the same import as the library page, named after the file.</summary>
public static class RunbooksCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A runbook in Markdown." };
        var import = new Command("import", "Import (or re-import) a Markdown runbook.") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException(ExitCodes.BadInput, $"No file {path}.");
            }

            using var api = Opsctl.Api(context);
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path.FullName, ct));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            var result = await api.PostContentAsync($"/api/runbooks?fileName={Uri.EscapeDataString(path.Name)}", content, ct);
            Output.Write(parse, context, result, r =>
                [$"{r.Str("slug")} v{r.Str("version")}{(r.GetProperty("unchanged").GetBoolean() ? " (unchanged)" : "")}"]);
            return ExitCodes.Ok;
        });
        return new Command("runbooks", "Runbooks.") { import };
    }
}
