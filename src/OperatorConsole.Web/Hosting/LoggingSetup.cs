using Microsoft.AspNetCore.SignalR;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OperatorConsole.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Console for people, a daily rolling compact-JSON file for machines; both carry the correlation id. Any
    /// ILogEventSink registered as a service also receives every event (the test hosts watch for errors this way).
    /// </summary>
    public static WebApplicationBuilder AddConsoleLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Logs:Folder"] ?? "logs";
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()

            // SignalR logs every exception a hub method throws as an error, HubException included; those are answers
            // the hub chose to send (refusals), not faults, so only the others are kept.
            .Filter.ByExcluding(e => e.Exception is HubException)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(builder.Environment.ContentRootPath, folder, "operator-console-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14));
        return builder;
    }

    /// <summary>One line per request; the query string is left out because tokens may travel there.</summary>
    public static IApplicationBuilder UseConsoleRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger rather than the static Log.Logger, which is the last host built in a process (tests run several).
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The demo targets fail on purpose (Porto's bad publish, the checks' failure control): not a fault of the console.
            options.GetLevel = (http, _, exception) =>
                exception is not null || (http.Response.StatusCode >= 500 && !http.Request.Path.StartsWithSegments("/demo"))
                    ? LogEventLevel.Error
                    : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("User", http.User.Identity?.Name ?? "anonymous");
        });
}
