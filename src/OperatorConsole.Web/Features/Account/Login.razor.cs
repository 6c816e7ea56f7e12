using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Users;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Account;

public partial class Login
{
    private string? _error;
    private bool _needsFirstAdmin;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [Inject] private UserService Users { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm] private LoginInput? Input { get; set; }
    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new LoginInput();
        _needsFirstAdmin = !Users.HasActiveAdmin();
    }

    private async Task SignInAsync()
    {
        if (Input is null)
        {
            return;
        }

        var actor = await Users.SignInAsync(Input.UserName, Input.Password);
        if (actor is null)
        {
            _error = "Unknown user name or wrong password.";
            return;
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            actor.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        Navigation.NavigateTo(LocalPath(ReturnUrl), forceLoad: true);
    }

    // Only a path on this site, so the login page cannot bounce people to another one.
    private static string LocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Relative, out _) && !url.Contains('\\', StringComparison.Ordinal)
            ? "/" + url.TrimStart('/')
            : "/";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your user name.")]
        [StringLength(64)]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(128)]
        public string Password { get; set; } = string.Empty;
    }
}
