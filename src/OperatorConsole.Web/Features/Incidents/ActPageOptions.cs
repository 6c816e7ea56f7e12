namespace OperatorConsole.Web.Features.Incidents;

/// <summary>Settings of an incident's page with its controls ("Incidents").</summary>
public sealed class ActPageOptions
{
    public const string Section = "Incidents";

    /// <summary>
    /// How long the page with its controls may stay open without input before it goes back to the incident's watch page,
    /// giving its circuit (~900 KB) back; never while something is typed in it or a dialog or list is open. Zero keeps
    /// it open.
    /// </summary>
    public TimeSpan ActPageIdle { get; set; } = TimeSpan.FromMinutes(15);
}
