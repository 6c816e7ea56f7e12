using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using OperatorConsole.Core;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Common;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Features.Commands;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Account;
using OperatorConsole.Web.Features.ApiReference;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Features.DemoResolver;
using OperatorConsole.Web.Features.HealthChecks;
using OperatorConsole.Web.Features.Notifications;
using OperatorConsole.Web.Features.ScaleOut;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Hosting;

public static class ConsoleHostSetup
{
    /// <summary>ASP.NET's setting (StaticAssetDevelopmentRuntimeHandler) that serves a build's static assets as in development.</summary>
    private const string ReloadStaticAssetsAtRuntime = "ReloadStaticAssetsAtRuntime";

    public static WebApplicationBuilder AddConsoleHost(this WebApplicationBuilder builder)
    {
        // Serve the static web assets of referenced packages (MudBlazor) from their build-time
        // locations in every environment, so `dotnet run` works without publishing first.
        builder.WebHost.UseStaticWebAssets();
        // Unless asked for, serve them as their build manifest says (fingerprinted URLs cached a year, immutable), not as
        // ASP.NET serves a build's assets by default (no-cache, every request checking the file on disk): otherwise every
        // full page load revalidated each script and stylesheet, and Chromium downloaded MudBlazor's 627 KB stylesheet
        // again each time. `--ReloadStaticAssetsAtRuntime=true` gives the default back for editing wwwroot-assets live.
        builder.Configuration[ReloadStaticAssetsAtRuntime] ??= "false";
        builder.UseDefaultListenAddress();
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddConsoleCore();
        services.AddOptions<RollbackOptions>().Bind(builder.Configuration.GetSection(RollbackOptions.Section))
            .Validate(o => o.SafeStateWithin > TimeSpan.Zero && o.IntegrityWithin > TimeSpan.Zero && o.DrillProofWindow > TimeSpan.Zero
                && o.AmberFraction is > 0 and < 1, "Rollback limits and the drill window must be positive; AmberFraction between 0 and 1.")
            .ValidateOnStart();
        services.AddOptions<ReleaseOptions>().Bind(builder.Configuration.GetSection(ReleaseOptions.Section))
            .Validate(o => ScopeRules.IsScopeId(o.DefaultScope) && o.ShadowTarget is >= 1 and <= ReleaseRules.MaxShadowTarget,
                "Releases:DefaultScope must be a scope id and Releases:ShadowTarget between 1 and 10,000,000.")
            .ValidateOnStart();
        // The demo has no serving service to report shadow cycles, so there (and only there) a release owner may simulate them.
        services.PostConfigure<ReleaseOptions>(o => o.SimulateShadowCycles = DemoMode.IsEnabled(builder.Configuration));
        services.AddOptions<CheckpointOptions>().Bind(builder.Configuration.GetSection(CheckpointOptions.Section))
            .Validate(o => o.SealEvery >= 1 && o.SealInterval > TimeSpan.Zero, "Ledger:SealEvery must be at least 1 and Ledger:SealInterval positive.")
            .ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.Section));
        services.AddOptions<Features.Incidents.ActPageOptions>().Bind(builder.Configuration.GetSection(Features.Incidents.ActPageOptions.Section))
            .Validate(o => o.ActPageIdle >= TimeSpan.Zero, "Incidents:ActPageIdle must not be negative.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.MaxAttempts >= 1 && o.FirstRetryAfter > TimeSpan.Zero && o.MaxRetryAfter >= o.FirstRetryAfter && o.Timeout > TimeSpan.Zero
                && o.SweepInterval > TimeSpan.Zero, "Notifications: MaxAttempts at least 1, and the waits and timeout positive.")
            .ValidateOnStart();
        services.AddHostedService<NotificationWorker>();
        services.AddSelectedStore(builder);

        // Before seeding, so the startup checkpoint precedes every write of this run.
        services.AddHostedService<LedgerSealing>();
        services.AddSingleton<ISelfBaseAddress, ServerSelfAddress>();
        services.AddSingleton<SeedOnFirstStart>();
        services.AddHostedService(sp => sp.GetRequiredService<SeedOnFirstStart>());

        services.AddConsoleAuth(builder.Configuration);
        services.AddSignInRateLimit();
        // Defaults keep up to 100 disconnected circuits for 3 minutes: each holds its pages' state in memory. An operator
        // console has few people but many tabs and phones that sleep; 1 minute covers a network blip or a phone waking
        // (the page reconnects with its state), and a tab gone longer simply reloads. 50 bounds memory when many drop at once.
        services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            o.DisconnectedCircuitMaxRetained = 50;
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
        });
        services.AddMudServices(o => Toasts.Configure(o.SnackbarConfiguration));
        services.AddScoped<UiActions>();
        services.AddScoped<ActorPermissions>();
        services.AddHttpContextAccessor();
        services.AddScoped<BrowserClock>();
        services.AddSingleton<Features.Incidents.WatchPageRenders>();
        services.AddConsoleCommands();
        services.AddSingleton<HubAccessGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<HubAccessGuard>());
        // On the console hub only: Blazor's own circuit hub passes nulls it expects, and a person whose session ended is
        // sent to sign in by the revalidating authentication state instead of losing the connection under the page.
        // The access guard runs first, so a revoked caller never reaches the refusal mapping.
        services.AddSignalR().AddHubOptions<ConsoleHub>(o =>
        {
            o.AddFilter<HubAccessGuard>();
            o.AddFilter<DomainExceptionHubFilter>();
        });
        services.AddScaleOut(builder.Configuration);
        services.AddHostedService<HubEventForwarder>();
        services.AddConsoleProblems();
        services.AddApiReference();
        services.AddScheduledHealthChecks();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]).AddCheck<LedgerHealthCheck>("ledger", tags: [LedgerHealthCheck.Tag]);
        return builder;
    }

    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseConsoleRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            // Only sent on HTTPS responses: browsers then refuse plain HTTP to this host for the max-age.
            app.UseHsts();
        }

        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsoleEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous()
            .WithSummary("Liveness: the process answers (text: Healthy)").WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous()
            .WithSummary("Readiness: the store is open and writable (text: Healthy or Unhealthy, 503)").WithTags("Health");
        app.MapHealthChecks("/health/ledger", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LedgerHealthCheck.Tag) }).AllowAnonymous()
            .WithSummary("The ledger's daily health check: it verifies and has recent activity (text, 503 when not)").WithTags("Health");
        app.MapConsoleApi();
        app.MapApiReference();
        app.MapAccountEndpoints();
        app.MapDemoResolver(app.Configuration);
        app.MapDemoCheckTargets(app.Configuration);
        app.MapHub<ConsoleHub>(HubRoutes.Console);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
