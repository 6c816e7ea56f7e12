using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Notifications;

/// <summary>A demo console whose webhook retries come quickly (50 ms, doubling) and stop after three attempts.</summary>
public sealed class NotificationHost : IDisposable
{
    public const int MaxAttempts = 3;

    public ConsoleHost Host { get; } = ConsoleHost.WithSettings(
        ("Notifications:FirstRetryAfter", "00:00:00.050"), ("Notifications:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void Dispose() => Host.Dispose();
}
