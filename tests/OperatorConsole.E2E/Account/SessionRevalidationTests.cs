using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Account;

/// <summary>An open page (its Blazor circuit) notices within seconds that its sign-in ended or its roles changed.</summary>
public sealed partial class SessionRevalidationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // The circuit re-checks every 10 s by default; leave room for a loaded machine.
    private static readonly PageAssertionsToHaveURLOptions Patience = new() { Timeout = 45_000 };

    [Fact]
    public async Task OpenPage_SameCookieSignedOutElsewhere_SentToLogin()
    {
        var signingOut = await fixture.SignedInPageAsync("oncall2", "demo-oncall2");
        var copy = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Host.BaseAddress.ToString() });
        var cookies = await signingOut.Context.CookiesAsync();
        await copy.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var open = await copy.NewPageAsync();
        await BrowserFixture.GotoInteractiveAsync(open, "/incidents");

        await signingOut.GetByLabel("Sign out").ClickAsync();
        await Assertions.Expect(signingOut).ToHaveURLAsync(LoginPage());

        await Assertions.Expect(open).ToHaveURLAsync(LoginPage(), Patience);
    }

    [Fact]
    public async Task OpenPage_RolesChangedByAdmin_SentToLogin()
    {
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, "/incidents");
        var users = fixture.Host.Service<UserService>();
        var admin = users.Find("admin")!.ToActor();

        await users.SetRolesAsync(admin, "viewer", Role.Viewer | Role.IncidentOwner);

        await Assertions.Expect(page).ToHaveURLAsync(LoginPage(), Patience);
        await users.SetRolesAsync(admin, "viewer", Role.Viewer);
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginPage();
}
