using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Users;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Components.Layout;

public partial class MainLayout
{
    private bool _drawerOpen = true;
    private bool _darkMode;

    [Inject] private CurrentActor Current { get; set; } = default!;
    [Inject] private UserService Users { get; set; } = default!;
    [Inject] private UiActions Ui { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await Current.GetAsync();
        _darkMode = Users.Find(actor.Id)?.DarkMode ?? false;
    }

    private Task ToggleDarkModeAsync() => Ui.TryAsync(async () =>
    {
        _darkMode = !_darkMode;
        await Users.SetDarkModeAsync(await Current.GetAsync(), _darkMode);
    });
}
