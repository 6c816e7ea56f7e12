using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>
/// One link of the navigation drawer. <see cref="Match"/> works as NavLink's does: All is the same path, Prefix the path
/// or anything below it.
/// </summary>
public sealed record NavItem(string Href, string Text, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix, bool ForceLoad = false)
{
    /// <summary>The icon's SVG content, made once and shared by every circuit.</summary>
    public MarkupString Svg { get; } = new(Icon);

    /// <param name="relativePath">The current address relative to the base, e.g. "incidents/INC-0001?x=1".</param>
    public bool Matches(string relativePath)
    {
        var path = relativePath.AsSpan();
        var end = path.IndexOfAny('?', '#');
        path = end < 0 ? path : path[..end];
        return Match == NavLinkMatch.All
            ? path.Equals(Href, StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase) && (path.Length == Href.Length || path[Href.Length] == '/');
    }
}

/// <summary>The drawer's links, in order.</summary>
public static class NavItems
{
    public static IReadOnlyList<NavItem> Main { get; } =
    [
        new("", "Command centre", Icons.Material.Filled.Dashboard, NavLinkMatch.All),
        new("incidents", "Incidents", Icons.Material.Filled.Campaign),
        new("alerts", "Alerts", Icons.Material.Filled.NotificationsActive),
        new("kill-switches", "Kill switches", Icons.Material.Filled.PowerSettingsNew),
        new("lockdown", "Lockdown", Icons.Material.Filled.Lock),
        new("scopes", "Scopes", Icons.Material.Filled.Layers),
        new("releases", "Releases", Icons.Material.Filled.NewReleases),
        new("launches", "Launch day", Icons.Material.Filled.RocketLaunch),
        new("rollbacks", "Rollbacks", Icons.Material.Filled.SettingsBackupRestore),
        new("follow-ups", "Follow-ups", Icons.Material.Filled.AssignmentTurnedIn),
        new("insights", "Insights", Icons.Material.Filled.Insights),
        new("runbooks", "Runbooks", Icons.Material.Filled.MenuBook),
        new("runs", "Runs", Icons.Material.Filled.PlaylistAddCheck),
        new("ledger", "Audit ledger", Icons.Material.Filled.Link, NavLinkMatch.All),
        new("ledger/investigate", "Investigate", Icons.Material.Filled.QueryStats, NavLinkMatch.All),
        new("health-checks", "Health checks", Icons.Material.Filled.MonitorHeart),
        new("health-check", "Ledger health check", Icons.Material.Filled.HealthAndSafety, NavLinkMatch.All),
        new("evidence/verify", "Verify evidence", Icons.Material.Filled.FactCheck, NavLinkMatch.All),
        // Served by Scalar, not a Blazor page: a full page load.
        new("api-reference", "API reference", Icons.Material.Filled.Api, NavLinkMatch.All, ForceLoad: true),
    ];

    public static IReadOnlyList<NavItem> Admin { get; } =
    [
        new("admin/users", "Users", Icons.Material.Filled.People),
        new("admin/api-keys", "API keys", Icons.Material.Filled.Key),
        new("admin/guarded-actions", "Guarded actions", Icons.Material.Filled.VerifiedUser),
        new("admin/alert-rules", "Alert matrix", Icons.Material.Filled.Rule),
        new("admin/alert-deliveries", "Alert deliveries", Icons.Material.Filled.Inbox),
        new("admin/outbound", "Outbound", Icons.Material.Filled.Public),
        new("admin/notifications", "Notifications", Icons.Material.Filled.NotificationsActive),
        new("admin/backups", "Backups", Icons.Material.Filled.Backup),
    ];
}
