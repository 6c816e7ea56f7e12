using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor.Interfaces;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>The navigation drawer's links; the one matching the current address is marked active.</summary>
public sealed partial class NavMenu : IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The drawer around the menu: told of each navigation so that, as an overlay on a phone, it closes.</summary>
    [CascadingParameter] private INavigationEventReceiver? Drawer { get; set; }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        StateHasChanged();
        if (Drawer is not null)
        {
            await Drawer.OnNavigation();
        }
    });

    private bool IsActive(NavItem item) => item.Matches(Navigation.ToBaseRelativePath(Navigation.Uri));
}
