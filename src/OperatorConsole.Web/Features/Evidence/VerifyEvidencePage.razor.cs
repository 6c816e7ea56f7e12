using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Web.Features.Evidence;

/// <summary>Verification is read-only, so any signed-in user may use this page.</summary>
public sealed partial class VerifyEvidencePage
{
    private string? _pasted;
    private BundleVerification? _result;

    [Inject] public required EvidenceService Evidence { get; init; }

    private static string VerdictTitle(BundleVerdict verdict) => verdict switch
    {
        BundleVerdict.IssuedHereValid => "Valid: issued here",
        BundleVerdict.Tampered => "Tampered",
        BundleVerdict.ForeignConsistent => "Not issued here",
        BundleVerdict.ForeignInconsistent => "Not issued here, inconsistent",
        _ => "Not a bundle",
    };

    private void VerifyPasted() => _result = Evidence.Verify(_pasted);

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (e.File.Size > EvidenceEndpoints.MaxBundleBytes)
        {
            _result = BundleVerification.NotABundle(
                $"'{e.File.Name}' is larger than {EvidenceEndpoints.MaxBundleBytes / 1024 / 1024} MB; it is not a bundle this console wrote.");
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = e.File.OpenReadStream(EvidenceEndpoints.MaxBundleBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        _result = Evidence.Verify(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
