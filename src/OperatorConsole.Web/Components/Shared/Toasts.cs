using MudBlazor;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// How toasts behave: they stack at the bottom (banners live at the top of the page, so a toast never covers them),
/// at most three at a time, and go away on their own; an alarm (a new SEV-1) stays until someone closes it.
/// </summary>
public static class Toasts
{
    public static void Configure(SnackbarConfiguration toasts)
    {
        toasts.PositionClass = Defaults.Classes.Position.BottomCenter;
        toasts.NewestOnTop = false;
        toasts.MaxDisplayedSnackbars = 3;
        toasts.PreventDuplicates = true;
        toasts.ShowCloseIcon = true;
        toasts.VisibleStateDuration = 6000;
        toasts.ShowTransitionDuration = 200;
        toasts.HideTransitionDuration = 200;
        toasts.SnackbarVariant = Variant.Filled;
    }

    /// <summary>Refusals and failures stay a little longer than confirmations: the person has something to read.</summary>
    public static void ForSeverity(SnackbarOptions options, Severity severity)
    {
        if (severity is Severity.Error or Severity.Warning)
        {
            options.VisibleStateDuration = 10_000;
        }
    }

    /// <summary>An alarm stays until closed.</summary>
    public static void Alarm(SnackbarOptions options) => options.RequireInteraction = true;
}
