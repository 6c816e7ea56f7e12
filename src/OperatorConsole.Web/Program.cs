using OperatorConsole.Web.Features.HostAdmin;
using OperatorConsole.Web.Hosting;

if (HostAdminCommand.IsRequested(args))
{
    return await HostAdminCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(DemoMode.ExpandSwitch(args));
builder.AddConsoleLogging();
builder.AddConsoleHost();

var app = builder.Build();
app.UseConsolePipeline();
app.MapConsoleEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to the test hosts (WebApplicationFactory).</summary>
public partial class Program;
