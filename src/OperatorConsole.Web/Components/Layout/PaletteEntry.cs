using MudBlazor;
using OperatorConsole.Core.Overview;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>One line of the command palette: where it goes and how it reads.</summary>
public sealed record PaletteEntry(string Group, string Title, string? Detail, string Href, string Icon)
{
    /// <summary>Pages to go to, and the common actions each page starts.</summary>
    public static readonly IReadOnlyList<PaletteEntry> Fixed =
    [
        new("Actions", "Open an incident", "declare what is happening", "incidents/new", Icons.Material.Filled.AddAlert),
        new("Actions", "Flip a kill switch", "with a reason, from its row", "kill-switches", Icons.Material.Filled.PowerSettingsNew),
        new("Actions", "Engage a lockdown", "halt every management action", "lockdown", Icons.Material.Filled.Lock),
        new("Actions", "Roll back a scope", "to its last known good", "scopes", Icons.Material.Filled.SettingsBackupRestore),
        new("Actions", "Import a runbook", "Markdown or an archive", "runbooks/import", Icons.Material.Filled.UploadFile),
        new("Actions", "Verify the ledger chain", null, "ledger", Icons.Material.Filled.VerifiedUser),
        new("Pages", "Command centre", null, "", Icons.Material.Filled.Dashboard),
        new("Pages", "Incidents", null, "incidents", Icons.Material.Filled.Campaign),
        new("Pages", "Alerts", null, "alerts", Icons.Material.Filled.NotificationsActive),
        new("Pages", "Kill switches", null, "kill-switches", Icons.Material.Filled.PowerSettingsNew),
        new("Pages", "Lockdown", null, "lockdown", Icons.Material.Filled.Lock),
        new("Pages", "Scopes", null, "scopes", Icons.Material.Filled.Layers),
        new("Pages", "Releases", null, "releases", Icons.Material.Filled.NewReleases),
        new("Pages", "Rollbacks", null, "rollbacks", Icons.Material.Filled.SettingsBackupRestore),
        new("Pages", "Follow-ups", null, "follow-ups", Icons.Material.Filled.TaskAlt),
        new("Pages", "Runbooks", null, "runbooks", Icons.Material.Filled.MenuBook),
        new("Pages", "Runs", null, "runs", Icons.Material.Filled.PlaylistAddCheck),
        new("Pages", "Audit ledger", null, "ledger", Icons.Material.Filled.Link),
        new("Pages", "Health checks", null, "health-checks", Icons.Material.Filled.MonitorHeart),
    ];

    public static PaletteEntry From(SearchHit hit) => hit.Kind switch
    {
        SearchKind.Incident => new("Incidents", hit.Title, hit.Detail, IncidentLinks.Watch(hit.Id), Icons.Material.Filled.Campaign),
        SearchKind.Runbook => new("Runbooks", hit.Title, hit.Detail, $"runbooks/{Uri.EscapeDataString(hit.Id)}", Icons.Material.Filled.MenuBook),
        SearchKind.KillSwitch => new("Kill switches", hit.Title, hit.Detail, "kill-switches", Icons.Material.Filled.PowerSettingsNew),
        _ => new("Scopes", hit.Title, hit.Detail, $"scopes/{Uri.EscapeDataString(hit.Id)}", Icons.Material.Filled.Layers),
    };
}
