using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace OperatorConsole.Web.Components.Layout;

public sealed partial class SharedThemeProvider
{
    // One entry per distinct stylesheet: the console's theme in its two palettes, and the scrollbar.
    private static readonly ConcurrentDictionary<string, MarkupString> Stylesheets = new(StringComparer.Ordinal);

    /// <summary>
    /// The stylesheet MudThemeProvider built, swapped for the identical one already held: the fresh copy is garbage at
    /// once, and the render tree every circuit keeps points at the shared one. Deduplicated by content rather than keyed
    /// by palette, so it stays right whatever MudThemeProvider decides (e.g. following the system's dark mode).
    /// </summary>
    private static MarkupString Shared(string css) => Stylesheets.GetOrAdd(css, c => new MarkupString(c));
}
