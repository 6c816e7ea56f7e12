using OperatorConsole.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConsoleLogging();
builder.AddConsoleHost();

var app = builder.Build();
app.UseConsolePipeline();
app.MapConsoleEndpoints();
app.Run();

/// <summary>Visible to the test hosts (WebApplicationFactory).</summary>
public partial class Program;
