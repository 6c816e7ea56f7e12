using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Sessions;

namespace OperatorConsole.Web.Auth;

/// <summary>
/// Sign-in posts per client address: a burst of <see cref="SignInLimits.AttemptsPerAddress"/>, then one more per
/// <see cref="SignInLimits.AddressRefill"/>; beyond it 429 with a plain explanation. Reading the login page is never limited.
/// Per user name, Core's <see cref="SignInFailures"/> refuses after too many failures.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from your address. Wait a minute, then try again.", cancellationToken));
            };
            o.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = http.RequestServices.GetRequiredService<IOptions<SignInLimits>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.AttemptsPerAddress,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = limits.AddressRefill,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
}
