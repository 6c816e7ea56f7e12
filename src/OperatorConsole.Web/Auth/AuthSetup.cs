using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Web.Auth;

public static class AuthSetup
{
    private const string Smart = "CookieOrApiKey";

    /// <summary>
    /// People sign in with a cookie, machines present an API key; one policy scheme picks per request.
    /// Everything requires a signed-in user unless it says otherwise.
    /// </summary>
    public static IServiceCollection AddConsoleAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionCheckOptions>().Bind(configuration.GetSection(SessionCheckOptions.Section))
            .Validate(o => o.RevalidateEvery > TimeSpan.Zero, "Sessions:RevalidateEvery must be positive.").ValidateOnStart();
        services.AddOptions<SignInLimits>().Bind(configuration.GetSection(SignInLimits.Section))
            .Validate(o => o.FailuresPerUser > 0 && o.FailureWindow > TimeSpan.Zero && o.AttemptsPerAddress > 0 && o.AddressRefill > TimeSpan.Zero && o.MaxTracked > 0,
                "SignIn limits must be positive.").ValidateOnStart();
        services.AddSingleton<IPasswordHasher<string>, PasswordHasher<string>>();
        services.AddSingleton<IPasswordHashing, AspNetPasswordHashing>();
        services.AddScoped<CurrentActor>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = ctx =>
                ApiKeyAuthenticationHandler.PresentedKey(ctx.Request) is null
                    ? CookieAuthenticationDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/access-denied";
                o.Cookie.Name = "OperatorConsole.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events = new CookieEvents();
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<AuthenticationStateProvider, RevalidatingConsoleAuthenticationState>();
        services.AddCascadingAuthenticationState();
        return services;
    }
}
