using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Runbooks;

public sealed partial class RunbookImport
{
    private readonly List<BreadcrumbItem> _crumbs = [new("Runbooks", "runbooks"), new("Import", null, disabled: true)];
    private ImportResult? _result;
    private string? _error;
    private string? _pasted;
    private string? _pastedPath;
    private bool _busy;

    [Inject] public required RunbookService Runbooks { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required ILogger<RunbookImport> Log { get; init; }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        if (file.Size > RunbookParser.MaxBytes)
        {
            Fail($"'{file.Name}' is {file.Size / 1024 / 1024.0:0.0} MB; runbooks may be at most 2 MB.");
            return;
        }

        await ImportAsync(file.Name, async () =>
        {
            using var buffer = new MemoryStream();
            await using var stream = file.OpenReadStream(RunbookParser.MaxBytes);
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        });
    }

    private Task ImportPastedAsync() =>
        ImportAsync(string.IsNullOrWhiteSpace(_pastedPath) ? null : _pastedPath, () => Task.FromResult(Encoding.UTF8.GetBytes(_pasted ?? string.Empty)));

    private async Task ImportAsync(string? fileName, Func<Task<byte[]>> read)
    {
        _busy = true;
        _error = null;
        _result = null;
        try
        {
            _result = await Runbooks.ImportAsync(await Current.GetAsync(), fileName, await read());
        }
        catch (Exception ex) when (ex is DomainException or IOException)
        {
            Fail(ex.Message);
        }
        catch (Exception ex)
        {
            // Not a refusal the importer knows: still an answer for the person waiting, never a spinner that stays.
            Log.LogError(ex, "Runbook import of {FileName} failed", fileName);
            Fail("The import failed unexpectedly and nothing was imported; the details are in the server log.");
        }
        finally
        {
            _busy = false;
        }
    }

    private void Fail(string message)
    {
        _result = null;
        _error = message;
    }
}
