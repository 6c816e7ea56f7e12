using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// MudBlazor's markup without its components, for what every circuit would otherwise hold a component for: an icon is
/// an svg in MudIcon's classes, a chip a small filled MudChip's divs, a button a button in MudButton's. The look comes
/// from MudBlazor's stylesheet, as it does for the component.
/// </summary>
public static class MudMarkup
{
    /// <param name="svg">The icon's SVG content, e.g. <c>Icons.Material.Filled.Menu</c>.</param>
    /// <param name="classes">Size and colour classes as MudIcon sets them, e.g. <c>mud-icon-size-small</c>.</param>
    /// <remarks>The same svg as a MudIcon without a title (ChipMarkupTests compares them).</remarks>
    public static RenderFragment Icon(string svg, string classes = "mud-icon-size-medium") => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {classes}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, svg);
        builder.CloseElement();
    };

    /// <summary>A small filled MudChip's markup (without its key handler, ripple and state), for labels in lists and rows.</summary>
    /// <param name="colorName">MudBlazor's colour class suffix, e.g. <c>error</c> for <c>mud-chip-color-error</c>.</param>
    /// <param name="icon">An icon's SVG content shown before the text, as MudChip's start icon (a small MudIcon's svg).</param>
    /// <param name="testId">The chip's <c>data-testid</c>, if any.</param>
    /// <param name="outOfTabOrder">Sets <c>tabindex="-1"</c>, as MudChip does.</param>
    public static RenderFragment Chip(string text, string colorName, string? icon = null, string? testId = null, bool outOfTabOrder = false) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", $"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{colorName}");
        if (outOfTabOrder)
        {
            builder.AddAttribute(4, "tabindex", "-1");
        }

        builder.AddAttribute(5, "data-testid", testId);
        if (icon is not null)
        {
            builder.AddContent(6, Icon(icon, "mud-icon-size-small mud-chip-icon"));
        }

        builder.OpenElement(10, "span");
        builder.AddAttribute(11, "class", "mud-chip-content");
        builder.AddContent(12, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// A MudButton's button: its classes, the label in <c>mud-button-label</c>, a start or end icon as MudButton puts
    /// them. A click on a disabled button never fires, as with MudButton.
    /// </summary>
    /// <param name="onClick">Made with <c>EventCallback.Factory.Create(this, ...)</c> in the owning component, so that
    /// component renders again after the click, as it does for its own <c>@onclick</c>.</param>
    public static RenderFragment Button(
        string label, EventCallback onClick, Variant variant, Color color, Size size, string testId,
        bool disabled = false, string? startIcon = null, string? endIcon = null) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", ButtonClass(variant, color, size));
        builder.AddAttribute(3, "disabled", disabled);
        builder.AddAttribute(4, "onclick", onClick);
        builder.AddAttribute(5, "data-testid", testId);
        builder.AddContent(6, ButtonLabel(label, size, startIcon, endIcon));
        builder.CloseElement();
    };

    private static RenderFragment ButtonLabel(string label, Size size, string? startIcon, string? endIcon) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-button-label");
        if (startIcon is not null)
        {
            builder.AddContent(2, ButtonIcon(startIcon, size));
        }

        builder.AddContent(3, label);
        if (endIcon is not null)
        {
            builder.AddContent(4, ButtonIcon(endIcon, size, end: true));
        }

        builder.CloseElement();
    };

    /// <summary>
    /// A MudButton with an Href: a link in the button's classes, for a static page's controls that only go somewhere.
    /// Without <paramref name="href"/> it is the disabled button, as a MudButton with nowhere to go shows.
    /// </summary>
    public static RenderFragment LinkButton(
        string label, string? href, Variant variant, Color color, Size size, string testId, string? startIcon = null, string? endIcon = null) =>
        href is null
            ? Button(label, default, variant, color, size, testId, disabled: true, startIcon, endIcon)
            : builder =>
            {
                builder.OpenElement(0, "a");
                builder.AddAttribute(1, "href", href);
                builder.AddAttribute(2, "class", ButtonClass(variant, color, size));
                builder.AddAttribute(3, "data-testid", testId);
                builder.AddContent(4, ButtonLabel(label, size, startIcon, endIcon));
                builder.CloseElement();
            };

    /// <summary>The classes MudButton puts on its button (or link), e.g. for a small outlined primary button.</summary>
    public static string ButtonClass(Variant variant, Color color, Size size, string? extra = null) =>
        Classes("mud-button-root mud-button", $"mud-button-{Name(variant)} mud-button-{Name(variant)}-{Name(color)} mud-button-{Name(variant)}-size-{Name(size)}",
            "mud-ripple", extra);

    /// <summary>The classes MudIconButton puts on its button.</summary>
    public static string IconButtonClass(Color color, Size size, string? extra = null) =>
        Classes("mud-button-root mud-icon-button", color == Color.Default ? null : $"mud-{Name(color)}-text hover:mud-{Name(color)}-hover",
            "mud-ripple mud-ripple-icon", size == Size.Medium ? null : $"mud-icon-button-size-{Name(size)}", extra);

    /// <summary>A button's start or end icon, as MudButton renders its StartIcon / EndIcon inside the label.</summary>
    public static RenderFragment ButtonIcon(string svg, Size size, bool end = false) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"mud-button-icon-{(end ? "end" : "start")} mud-button-icon-size-{Name(size)}");
        builder.AddContent(2, Icon(svg, $"mud-icon-size-{Name(size)}"));
        builder.CloseElement();
    };

    public static string Name(Enum value) => value.ToString().ToLowerInvariant();

    private static string Classes(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
