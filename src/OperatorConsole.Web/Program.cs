using OperatorConsole.Web.Features.HostAdmin;
using OperatorConsole.Web.Features.Backup;
using OperatorConsole.Web.Hosting;
using OperatorConsole.Web.Telemetry;

if (HostAdminCommand.IsRequested(args))
{
    return await HostAdminCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(DemoMode.ExpandSwitch(args));
builder.AddConsoleLogging();
if (RestoreCommand.IsRequested(args))
{
    return RestoreCommand.Run(builder, args);
}

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(builder, args, Console.Out, Console.Error);
}

builder.AddConsoleHost();
builder.AddConsoleTelemetry();

var app = builder.Build();
if (!app.TryOpenStore())
{
    return 2;
}

app.UseConsolePipeline();
app.MapConsoleEndpoints();
app.MapConsoleMetrics();
await app.RunAsync();
return 0;

/// <summary>Visible to the test hosts (WebApplicationFactory).</summary>
public partial class Program;
