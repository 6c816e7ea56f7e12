using OperatorConsole.Proxy;
using Yarp.ReverseProxy.Transforms;

// A small sticky-session reverse proxy in front of several console instances (docs/SCALE-OUT.md): YARP reads its
// routes and instances from appsettings.json, overridable on the command line or by environment variables.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddTransforms(route => route.AddResponseTransform(context =>
    {
        // Names the instance that answered, so an operator (or a test) can tell where a browser is pinned and see it
        // move when that instance dies.
        if (context.HttpContext.GetReverseProxyFeature().ProxiedDestination is { } destination)
        {
            context.HttpContext.Response.Headers[InstanceHeader.Name] = destination.DestinationId;
        }

        return ValueTask.CompletedTask;
    }));

var app = builder.Build();
app.MapReverseProxy();
app.Run();
