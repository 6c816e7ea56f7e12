using System.Text.Json.Nodes;
using OperatorConsole.Core.LaunchDay;

namespace OperatorConsole.Core.Evidence;

/// <summary>
/// What a bundle is the record of, found from the bundle itself: an incident (its record under "incident") or a launch
/// (under "launch"). The kind names the ledger action that recorded the bundle when it was issued and the parts it has;
/// everything else about sealing and verifying is the same for both.
/// </summary>
public sealed record BundleKind(string Part, string IssuedAction, IReadOnlyList<string> ObjectParts, IReadOnlyList<string> ListParts)
{
    public static readonly BundleKind Incident = new("incident", EvidenceService.PreserveAction, [], ["timeline", "evidence_records", "attachments"]);

    public static readonly BundleKind Launch = new("launch", LaunchBundle.ArchiveAction, ["config_snapshot"], ["steps", "sign_offs"]);

    /// <summary>A bundle holding a "launch" object is a launch's; any other is an incident's (and says so when it lacks one).</summary>
    public static BundleKind Of(JsonObject bundle) => bundle[Launch.Part] is JsonObject ? Launch : Incident;

    /// <summary>The ledger subject of the record, e.g. "incident:abc" or "launch:xyz".</summary>
    public string Subject(string id) => $"{Part}:{id}";

    /// <summary>An entry belongs to the record when its subject is the record's or below it ("incident:{id}/attachment:…").</summary>
    public bool Covers(string subject, string id)
    {
        var root = Subject(id);
        return subject == root || subject.StartsWith(root + "/", StringComparison.Ordinal);
    }
}
