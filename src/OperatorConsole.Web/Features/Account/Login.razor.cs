using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Account;

public partial class Login
{
    private string? _error;
    private bool _needsFirstAdmin;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [Inject] private UserService Users { get; set; } = default!;
    [Inject] private SignInFailures Failures { get; set; } = default!;
    [Inject] private SessionService Sessions { get; set; } = default!;
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

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (Failures.RetryAt(UserService.SignInId(Input.UserName)) is { } retryAt)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            _error = $"Too many failed sign-ins for this user. Try again after {retryAt.UtcDateTime:HH:mm} UTC.";
            return;
        }

        var actor = await Users.SignInAsync(Input.UserName, Input.Password, address);
        if (actor is null)
        {
            _error = "Unknown user name or wrong password.";
            return;
        }

        var session = await Sessions.StartAsync(actor, address);
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            actor.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme, session.Id));
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
