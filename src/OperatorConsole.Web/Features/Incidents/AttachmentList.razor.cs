using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Incidents;

public sealed partial class AttachmentList
{
    private bool _busy;
    private string? _error;

    [Parameter, EditorRequired] public string IncidentId { get; set; } = string.Empty;
    [Parameter, EditorRequired] public IReadOnlyList<Attachment> Attachments { get; set; } = [];
    [Parameter] public EventCallback OnChanged { get; set; }

    /// <summary>Shows what is there and no controls, for someone who only watches the incident (its static page).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    [Inject] public required EvidenceService Evidence { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    private string DownloadHref(Attachment a) =>
        $"api/incidents/{Uri.EscapeDataString(IncidentId)}/attachments/{Uri.EscapeDataString(a.Id)}";

    private static string FormatSize(long bytes) => bytes < 1024
        ? $"{bytes} B"
        : bytes < 1024 * 1024
            ? (bytes / 1024d).ToString("0.# 'KB'", CultureInfo.InvariantCulture)
            : (bytes / 1024d / 1024d).ToString("0.## 'MB'", CultureInfo.InvariantCulture);

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        _error = null;
        _busy = true;
        try
        {
            // Refused before a byte crosses the circuit, with the same message the API gives.
            AttachmentRules.EnsureSize(AttachmentRules.SanitizeName(file.Name), file.Size);
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(AttachmentRules.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            await Ui.TryAsync(
                async () => await Evidence.AttachAsync(await Current.GetAsync(), IncidentId, file.Name, file.ContentType, buffer.ToArray()),
                $"Attached {file.Name}.");
            await OnChanged.InvokeAsync();
        }
        catch (Exception ex) when (ex is DomainException or IOException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
