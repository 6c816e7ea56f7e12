using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>
/// The incident part of the static incident page (<see cref="WatchOnlyPage"/>), rendered once and shared by every watcher
/// who asks for the same thing in the same state (issue 14): each change of an incident wakes every watcher's script,
/// and each asked for a full render of the same page. The shell around it (the person's name, the menu) is still rendered
/// per request.
/// <para>
/// A render is shared under a key of everything it depends on: the incident and the address it was asked by (the
/// query names the timeline's page and filter; links in it are absolute), the time zone, the roles (the page's
/// permission-dependent parts), the minute (relative times) and this instance's count of committed changes
/// (<see cref="ChangeRunner.Committed"/>), read before rendering. A watcher woken by a change reads a count that
/// includes it, so a render shared under that count was read after the change committed: never older. Requests that
/// arrive while a render runs wait for it rather than render the same thing again. With several instances on one store
/// another instance's changes are not counted here, so nothing is shared there.
/// </para>
/// </summary>
public sealed class WatchPageRenders(ChangeRunner changes, ILiveEventOrigins origins, TimeProvider clock)
{
    /// <summary>Renders kept; a change makes every older one useless, so this only bounds many queries and zones at once.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<Key, Lazy<Task<SharedRender>>> _renders = new();

    /// <summary>The incident part as the person asking would see it, rendered now or shared from a render of the same key.</summary>
    public async Task<SharedRender> GetAsync(HttpContext http, string incidentId, Actor actor, TimeZoneInfo? zone)
    {
        if (origins is not SingleInstanceOrigins)
        {
            return await RenderAsync(http.RequestServices, incidentId);
        }

        var request = http.Request;
        // The roles as stored now, which the page's permission checks read; the sign-in's claim may be older.
        var roles = http.RequestServices.GetRequiredService<Core.Common.Permissions>().RolesOf(actor);
        var key = new Key(incidentId, $"{request.Host}{request.PathBase}{request.Path}{request.QueryString}", zone?.Id, roles,
            changes.Committed, clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute);
        if (_renders.Count >= Capacity)
        {
            Evict(key);
        }

        var shared = _renders.GetOrAdd(key, _ => new Lazy<Task<SharedRender>>(() => RenderAsync(http.RequestServices, incidentId)));
        try
        {
            return await shared.Value;
        }
        catch (Exception)
        {
            // The render failed for the request that ran it (e.g. it was aborted): not shared, this request renders its own.
            _renders.TryRemove(KeyValuePair.Create(key, shared));
            return await RenderAsync(http.RequestServices, incidentId);
        }
    }

    // Renders of older changes or minutes are never asked for again; the rest only when too many are current at once.
    private void Evict(Key current)
    {
        foreach (var key in _renders.Keys.Where(k => k.Committed != current.Committed || k.Minute != current.Minute))
        {
            _renders.TryRemove(key, out _);
        }

        if (_renders.Count >= Capacity)
        {
            _renders.Clear();
        }
    }

    /// <summary>The incident page in its watchers' form, rendered with this request's services (its address, person and zone).</summary>
    private static async Task<SharedRender> RenderAsync(IServiceProvider services, string incidentId)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(IncidentDetail.Id)] = incidentId,
                [nameof(IncidentDetail.SharedPart)] = true,
            });
            return (await renderer.RenderComponentAsync<IncidentDetail>(parameters)).ToHtmlString();
        });
        var found = services.GetRequiredService<IncidentService>().Get(incidentId) is not null;
        return new SharedRender(html, found ? incidentId : null);
    }

    private sealed record Key(string IncidentId, string Address, string? Zone, Role Roles, long Committed, long Minute);
}

/// <summary>The shared incident part's HTML, and the incident's id when it exists (the page's title).</summary>
public sealed record SharedRender(string Html, string? IncidentId);
