using OperatorConsole.Web.Features.Backup;
using OperatorConsole.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConsoleLogging();
if (RestoreCommand.IsRequested(args))
{
    return RestoreCommand.Run(builder, args);
}

builder.AddConsoleHost();

var app = builder.Build();
if (!app.TryOpenStore())
{
    return 2;
}

app.UseConsolePipeline();
app.MapConsoleEndpoints();
app.Run();
return 0;

/// <summary>Visible to the test hosts (WebApplicationFactory).</summary>
public partial class Program;
