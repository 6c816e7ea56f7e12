using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>The navigation drawer's links; the one matching the current address is marked active.</summary>
public sealed partial class NavMenu : IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    private bool IsActive(NavItem item) => item.Matches(Navigation.ToBaseRelativePath(Navigation.Uri));
}
