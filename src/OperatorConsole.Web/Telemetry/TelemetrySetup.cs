using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Telemetry;

/// <summary>
/// Metrics and traces through OpenTelemetry: Prometheus text at <see cref="MetricsPath"/> always, OTLP (metrics and
/// traces) when OTEL_EXPORTER_OTLP_ENDPOINT is configured. docs/OBSERVABILITY.md says what is exported and how to ship it.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "operator-console";
    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddConsoleTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ConsoleMetrics>();
        services.AddSingleton<StoreGauges>();
        services.AddSingleton<ILiveEventPublisher, MeteredLiveEventPublisher>();
        services.AddScoped<CircuitHandler, CircuitMetrics>();
        services.AddSingleton<HubConnectionMetrics>();
        services.Configure<HubOptions<ConsoleHub>>(o => o.AddFilter<HubConnectionMetrics>());
        DecorateStore(services);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m => m
                .AddMeter(ConsoleMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // No cached answer: a scrape right after a change must see it, and collecting is a few store reads.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]))
        {
            // Spans only when they go somewhere: with no exporter, recording one per request and store write is pure cost.
            telemetry
                .WithTracing(t => t
                    .AddSource(TracedConsoleStore.SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Prometheus text for any signed-in caller: a scraper uses an API key (a Viewer key is enough) as a bearer token.
    /// Never anonymous, because the numbers describe open incidents and active kill switches.
    /// </summary>
    public static IEndpointRouteBuilder MapConsoleMetrics(this IEndpointRouteBuilder app)
    {
        // Gauges register their callbacks on first resolve; do it before the first scrape.
        app.ServiceProvider.GetRequiredService<StoreGauges>();
        app.MapPrometheusScrapingEndpoint(MetricsPath)
            .RequireAuthorization()
            .WithSummary("Prometheus metrics of the console (text exposition format)")
            .WithTags("Telemetry");
        return app;
    }

    // Wraps the registered store, whatever its provider, in the tracing decorator.
    private static void DecorateStore(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IConsoleStore));
        services.Replace(ServiceDescriptor.Singleton<IConsoleStore>(sp => new TracedConsoleStore(registered.ImplementationFactory is { } factory
            ? (IConsoleStore)factory(sp)
            : registered.ImplementationInstance as IConsoleStore ?? (IConsoleStore)ActivatorUtilities.GetServiceOrCreateInstance(sp, registered.ImplementationType!))));
    }
}
