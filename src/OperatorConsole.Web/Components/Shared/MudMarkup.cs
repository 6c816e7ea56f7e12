using Microsoft.AspNetCore.Components;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// MudBlazor's markup without its components, for what every circuit would otherwise hold a component for: an icon is
/// an svg in MudIcon's classes. The look comes from MudBlazor's stylesheet, as it does for the component.
/// </summary>
public static class MudMarkup
{
    /// <param name="svg">The icon's SVG content, e.g. <c>Icons.Material.Filled.Menu</c>.</param>
    /// <param name="classes">Size and colour classes as MudIcon sets them, e.g. <c>mud-icon-size-small</c>.</param>
    public static RenderFragment Icon(string svg, string classes = "mud-icon-size-medium") => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {classes}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    };
}
