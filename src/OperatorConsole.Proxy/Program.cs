// A small sticky-session reverse proxy in front of several console instances (docs/SCALE-OUT.md): YARP reads its
// routes and instances from appsettings.json, overridable on the command line or by environment variables.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapReverseProxy();
app.Run();
