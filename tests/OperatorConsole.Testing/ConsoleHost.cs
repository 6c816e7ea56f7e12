using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Testing;

/// <summary>
/// The real console (Kestrel on 127.0.0.1, a random port) over a fresh LiteDB file seeded from
/// seed-data/ with the demo on, exactly as a newcomer following the README gets it. One per test class via IClassFixture.
/// </summary>
public sealed class ConsoleHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "demo-admin";

    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-test-").FullName;
    private readonly bool _demo;
    private readonly IReadOnlyList<(string Key, string Value)> _settings;
    private readonly LiteConsoleStore? _store;

    public ConsoleHost()
        : this(demo: true, dataFile: null)
    {
    }

    private ConsoleHost(bool demo, string? dataFile, params (string Key, string Value)[] settings)
    {
        _demo = demo;
        _settings = settings;
        DataFile = dataFile ?? Path.Combine(_folder, "console.db");
        UseKestrel(0);
        StartServer();
        _store = Services.GetService<LiteConsoleStore>();
    }

    public string DataFile { get; }

    /// <summary>A console started without the demo, as in production, optionally over an existing data file.</summary>
    public static ConsoleHost WithoutDemo(string? dataFile = null) => new(demo: false, dataFile);

    /// <summary>A demo console with extra configuration, e.g. ("Alerts:AlertmanagerUrl", "http://127.0.0.1:9093").</summary>
    public static ConsoleHost WithSettings(params (string Key, string Value)[] settings) => new(demo: true, dataFile: null, settings);

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>What the host logged since it started.</summary>
    public LogCapture Logs { get; } = new();

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that presents a fresh API key holding <paramref name="roles"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(Role roles)
    {
        var key = await CreateApiKeyAsync(roles);
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<string> CreateApiKeyAsync(Role roles)
    {
        var admin = Service<UserService>().Find("admin")!.ToActor();
        var created = await Service<ApiKeyService>().CreateAsync(admin, $"test-{Guid.NewGuid():N}"[..20], roles);
        return created.Secret;
    }

    /// <summary>A started connection to /hubs/console with the official .NET SignalR client.</summary>
    public async Task<HubConnection> ConnectHubAsync(string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/console"), o => o.Headers["X-Api-Key"] = apiKey)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The API's JSON shape: web defaults with enums as names.</summary>
    public static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ApiJson))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFile", DataFile);
        builder.UseSetting("Demo:Enabled", _demo ? "true" : "false");
        builder.UseSetting("Logs:Folder", Path.Combine(_folder, "logs"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Program's own app.RunAsync disposes the same container on its thread, and the container lets the second
            // disposer return at once: wait until the store has let go of the data file, as a stopped console process has.
            _store?.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be closing; the temp folder is cleaned by the OS.
            }
        }
    }
}
