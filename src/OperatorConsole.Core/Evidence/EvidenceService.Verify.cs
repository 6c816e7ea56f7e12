namespace OperatorConsole.Core.Evidence;

public sealed partial class EvidenceService
{
    /// <summary>
    /// Checks a bundle handed back to the console against what the console itself recorded when it preserved it: the
    /// "preserved" ledger entry (a launch's "evidence archived") holds the integrity hash and the hash of each part. A bundle whose hash this console
    /// never recorded is reported as foreign, never as valid, however consistent its own hashes are. Read-only.
    /// </summary>
    public BundleVerification Verify(string? bundleText)
    {
        if (BundleFacts.Read(bundleText, out var problem) is not var (bundle, facts))
        {
            return BundleVerification.NotABundle(problem!);
        }

        try
        {
            return changes.Store.Read(s => BundleJudge.Judge(s, bundle, facts, signer));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return BundleVerification.NotABundle($"The bundle does not have the evidence-bundle shape: {ex.Message}");
        }
    }
}
