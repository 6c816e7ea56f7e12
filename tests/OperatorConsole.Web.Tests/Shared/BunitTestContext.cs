using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Core.Live;
using System.Security.Claims;
using System.Text;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OperatorConsole.Core;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>
/// bUnit with MudBlazor set up for tests and the real Core services over a fresh LiteDB file, so a
/// component reads and writes exactly what the services do and sees their live events.
/// </summary>
public abstract class BunitTestContext : BunitContext, IAsyncLifetime
{
    public static readonly Actor Omar = new("oncall", "Omar On-call", Role.OnCall);
    public static readonly Actor Olga = new("oncall2", "Olga On-call", Role.OnCall);

    /// <summary>Long enough for the live batch window and a loaded CI machine; a pass returns at once.</summary>
    protected static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-bunit-").FullName;

    protected BunitTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddLogging();
        Services.AddConsoleCore();
        Services.AddConsoleStorage(Path.Combine(_folder, "console.db"));
        Services.AddSingleton<IPasswordHashing, PlainTextPasswords>();
        Services.AddSingleton<ISelfBaseAddress, UnreachableSelf>();
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<UiActions>();
        Services.AddScoped<ActorPermissions>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<BrowserClock>();
        Services.AddSingleton<ILiveEventOrigins, SingleInstanceOrigins>();
        Services.AddSingleton<WatchPageRenders>();
        Authorization = AddAuthorization();
        SignIn(Omar);
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected RunbookService Runbooks => Services.GetRequiredService<RunbookService>();

    protected RunService Runs => Services.GetRequiredService<RunService>();

    /// <summary>The circuit's user, with the claims the cookie handler would issue.</summary>
    protected void SignIn(Actor actor)
    {
        Authorization.SetAuthorized(actor.DisplayName);
        Authorization.SetRoles([.. Roles.Names(actor.Roles)]);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.Id));
    }

    protected Task<ImportResult> ImportAsync(string fileName, string markdown) =>
        Runbooks.ImportAsync(Actor.System, fileName, Encoding.UTF8.GetBytes(markdown));

    /// <summary>Stores runbook versions as they are, in one transaction, for pages that only read what is stored.</summary>
    protected Task StoreAsync(IEnumerable<Runbook> runbooks) =>
        Services.GetRequiredService<ChangeRunner>().RunAsync(Actor.System, c =>
        {
            foreach (var runbook in runbooks)
            {
                c.Session.Runbooks.Add(runbook);
            }

            return 0;
        });

    /// <summary>A stored runbook version with no sections; tests add what they look at.</summary>
    protected static Runbook StoredRunbook(string slug, string title) => new()
    {
        Slug = slug,
        Version = 1,
        Title = title,
        Priority = Priority.P2,
        Source = $"# {title}\n",
        SourceSha256 = new string('0', 64),
        ImportedAt = DateTimeOffset.UnixEpoch,
        ImportedBy = "Ada",
    };

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes synchronously, but MudBlazor's services only dispose
    // asynchronously; this runs first, and the synchronous Dispose after it finds nothing left to do.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file is still closing; the OS cleans temp folders.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class PlainTextPasswords : IPasswordHashing
    {
        public string Hash(string password) => "plain:" + password;

        public bool Verify(string hash, string password) => hash == "plain:" + password;
    }

    private sealed class UnreachableSelf : ISelfBaseAddress
    {
        public Uri Get() => new("http://127.0.0.1:1/");
    }
}
