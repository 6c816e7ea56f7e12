using Microsoft.JSInterop;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// The person's clock for one circuit: the browser's time zone (asked once through JS; UTC until it answers or when it
/// names a zone this server does not know) and a shared minute tick, so every <see cref="Timestamp"/> on the page
/// keeps its relative time current without a timer of its own. A page rendered without a circuit cannot ask: there the
/// zone comes from the <see cref="ZoneCookie"/> the browser's script left (js/incident-watch.js), still checked here.
/// </summary>
public sealed class BrowserClock(IJSRuntime js, TimeProvider clock, ILogger<BrowserClock> logger, IHttpContextAccessor http) : IDisposable
{
    /// <summary>The browser's IANA zone, written by script; only ever a name looked up among this server's zones.</summary>
    public const string ZoneCookie = "oc-tz";

    private const int LongestZoneName = 64;

    /// <summary>Relative times are shown to the minute; refreshing more often changes nothing a person can see.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(30);

    private Task? _learning;
    private ITimer? _ticker;
    private event Action? TickedOrLearned;

    /// <summary>The browser's zone, or null while unknown (times are then shown in UTC).</summary>
    public TimeZoneInfo? Zone { get; private set; } = ZoneNamedBy(http.HttpContext?.Request.Cookies[ZoneCookie]);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Calls <paramref name="changed"/> when the zone becomes known and on every tick; dispose to stop.</summary>
    public IDisposable Subscribe(Action changed)
    {
        TickedOrLearned += changed;
        _ticker ??= clock.CreateTimer(_ => TickedOrLearned?.Invoke(), null, TickInterval, TickInterval);
        return new Unsubscriber(() => TickedOrLearned -= changed);
    }

    /// <summary>Asks the browser for its zone once per circuit; later callers share the answer.</summary>
    public Task LearnZoneAsync() => _learning ??= AskBrowserAsync();

    public void Dispose() => _ticker?.Dispose();

    private async Task AskBrowserAsync()
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference?>("import", "./js/time.js");
            var id = module is null ? null : await module.InvokeAsync<string?>("timeZone");
            if (ZoneNamedBy(id) is { } zone)
            {
                Zone = zone;
                TickedOrLearned?.Invoke();
            }
        }
        catch (JSException ex)
        {
            logger.LogWarning(ex, "The browser did not tell its time zone; times stay in UTC");
        }
        catch (JSDisconnectedException)
        {
            // The circuit ended before the browser answered.
        }
    }

    private static TimeZoneInfo? ZoneNamedBy(string? id) =>
        id is { Length: > 0 and <= LongestZoneName } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
