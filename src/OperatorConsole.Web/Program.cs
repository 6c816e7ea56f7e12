using OperatorConsole.Core.Persistence;
using OperatorConsole.Web.Features.Backup;
using OperatorConsole.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConsoleLogging();
if (RestoreCommand.IsRequested(args))
{
    return RestoreCommand.Run(builder, args);
}

try
{
    builder.AddConsoleHost();
}
catch (StoreUnavailableException ex)
{
    // A data file held by another process or not writable: say which and what to do, without a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var app = builder.Build();
app.UseConsolePipeline();
app.MapConsoleEndpoints();
app.Run();
return 0;

/// <summary>Visible to the test hosts (WebApplicationFactory).</summary>
public partial class Program;
