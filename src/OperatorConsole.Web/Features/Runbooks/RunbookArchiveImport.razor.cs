using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Bulk;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Runbooks;

/// <summary>
/// Uploads a runbook archive and shows the per-file report filling in: the import runs off the render path and each
/// finished file is posted back through InvokeAsync, so the page stays responsive however large the archive.
/// </summary>
public sealed partial class RunbookArchiveImport : IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private readonly Lock _gate = new();
    private List<BulkImportRow> _rows = [];
    private int _total;
    private string? _error;
    private string? _prefix;
    private bool _busy;

    [Inject] public required RunbookBulkImport Bulk { get; init; }
    [Inject] public required CurrentActor Current { get; init; }

    private IReadOnlyList<BulkImportRow> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows];
            }
        }
    }

    private string Summary => string.Join(" · ", Rows.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }

    private static Color ColorOf(BulkOutcome outcome) => outcome switch
    {
        BulkOutcome.Imported or BulkOutcome.Updated => Color.Success,
        BulkOutcome.Refused => Color.Error,
        BulkOutcome.Attached => Color.Info,
        _ => Color.Default,
    };

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _busy = true;
        _error = null;
        _total = 0;
        lock (_gate)
        {
            _rows = [];
        }

        try
        {
            var actor = await Current.GetAsync();
            await Bulk.RequireImporterAsync(actor, _leaving.Token);
            if (e.File.Size > ArchiveLimits.MaxArchiveBytes)
            {
                throw new PayloadTooLargeException($"'{e.File.Name}' is larger than {ArchiveLimits.MaxArchiveBytes / 1024 / 1024} MB.");
            }

            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(ArchiveLimits.MaxArchiveBytes, _leaving.Token))
            {
                await stream.CopyToAsync(buffer, _leaving.Token);
            }

            var plan = await Task.Run(() => RunbookBulkImport.Plan(buffer.ToArray(), _prefix), _leaving.Token);
            _total = plan.Count;
            StateHasChanged();
            await Task.Run(() => Bulk.ImportAsync(actor, plan, Add, _leaving.Token), _leaving.Token);
        }
        catch (Exception ex) when (ex is DomainException or IOException)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
        {
            // The page was left; the files imported so far stay imported.
        }
        finally
        {
            _busy = false;
        }
    }

    private void Add(BulkImportRow row)
    {
        lock (_gate)
        {
            _rows.Add(row);
        }

        _ = InvokeAsync(StateHasChanged);
    }
}
