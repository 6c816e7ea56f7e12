using Microsoft.JSInterop;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// The person's clock for one circuit: the browser's time zone (asked once through JS; UTC until it answers or when it
/// names a zone this server does not know) and a shared minute tick, so every <see cref="Timestamp"/> on the page
/// keeps its relative time current without a timer of its own.
/// </summary>
public sealed class BrowserClock(IJSRuntime js, TimeProvider clock, ILogger<BrowserClock> logger) : IDisposable
{
    /// <summary>Relative times are shown to the minute; refreshing more often changes nothing a person can see.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(30);

    private Task? _learning;
    private ITimer? _ticker;
    private event Action? TickedOrLearned;

    /// <summary>The browser's zone, or null while unknown (times are then shown in UTC).</summary>
    public TimeZoneInfo? Zone { get; private set; }

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
            if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
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

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
