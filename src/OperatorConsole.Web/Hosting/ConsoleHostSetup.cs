using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using OperatorConsole.Core;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage;
using OperatorConsole.Storage.Common;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Features.Commands;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Account;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Features.DemoResolver;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Hosting;

public static class ConsoleHostSetup
{
    public static WebApplicationBuilder AddConsoleHost(this WebApplicationBuilder builder)
    {
        // Serve the static web assets of referenced packages (MudBlazor) from their build-time
        // locations in every environment, so `dotnet run` works without publishing first.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        var dataFile = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.DataFile ?? new StorageOptions().DataFile;

        services.AddConsoleCore();
        services.AddOptions<RollbackOptions>().Bind(builder.Configuration.GetSection(RollbackOptions.Section))
            .Validate(o => o.SafeStateWithin > TimeSpan.Zero && o.IntegrityWithin > TimeSpan.Zero && o.DrillProofWindow > TimeSpan.Zero
                && o.AmberFraction is > 0 and < 1, "Rollback limits and the drill window must be positive; AmberFraction between 0 and 1.")
            .ValidateOnStart();
        services.AddOptions<ReleaseOptions>().Bind(builder.Configuration.GetSection(ReleaseOptions.Section))
            .Validate(o => ScopeRules.IsScopeId(o.DefaultScope) && o.ShadowTarget is >= 1 and <= ReleaseRules.MaxShadowTarget,
                "Releases:DefaultScope must be a scope id and Releases:ShadowTarget between 1 and 10,000,000.")
            .ValidateOnStart();
        services.AddOptions<CheckpointOptions>().Bind(builder.Configuration.GetSection(CheckpointOptions.Section))
            .Validate(o => o.SealEvery >= 1 && o.SealInterval > TimeSpan.Zero, "Ledger:SealEvery must be at least 1 and Ledger:SealInterval positive.")
            .ValidateOnStart();
        var checkpoints = builder.Configuration.GetSection(CheckpointOptions.Section).Get<CheckpointOptions>() ?? new CheckpointOptions();
        services.AddConsoleStorage(
            Path.Combine(builder.Environment.ContentRootPath, dataFile),
            ContentPath(builder, checkpoints.CheckpointKeyFile),
            ContentPath(builder, checkpoints.CheckpointLogFile));

        // Before seeding, so the startup checkpoint precedes every write of this run.
        services.AddHostedService<LedgerSealing>();
        services.AddSingleton<ISelfBaseAddress, ServerSelfAddress>();
        services.AddHostedService<SeedOnFirstStart>();

        services.AddConsoleAuth();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<UiActions>();
        services.AddConsoleCommands();
        services.AddSignalR();
        services.AddHostedService<HubEventForwarder>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return builder;
    }

    private static string? ContentPath(WebApplicationBuilder builder, string path) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.Combine(builder.Environment.ContentRootPath, path);

    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseConsoleRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsoleEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapConsoleApi();
        app.MapAccountEndpoints();
        app.MapDemoResolver(app.Configuration);
        app.MapHub<ConsoleHub>(HubRoutes.Console);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
