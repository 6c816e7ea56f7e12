using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorConsole.Core.Notifications;

/// <summary>
/// What happened, in words, before it is shaped for a webhook. <see cref="Key"/> names the occurrence; <see cref="Path"/>
/// is the console page about it (relative: the console does not know the address people reach it by).
/// </summary>
public sealed record NotificationMessage(NotificationEvent Event, string Key, string Title, string Text, string Subject, string Path, DateTimeOffset At)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The request body for a webhook of <paramref name="format"/>.</summary>
    public string Body(WebhookFormat format) => format switch
    {
        WebhookFormat.Slack => SlackBody(),
        _ => JsonSerializer.Serialize(new { @event = Event, title = Title, text = Text, subject = Subject, path = Path, at = At }, Json),
    };

    // Slack's incoming-webhook shape: "text" is the fallback (notifications, old clients), "blocks" the rich message.
    private string SlackBody()
    {
        var markdown = $"*{Escape(Title)}*\n{Escape(Text)}";
        return JsonSerializer.Serialize(new
        {
            text = $"{Title}: {Text}",
            blocks = new object[]
            {
                new { type = "section", text = new { type = "mrkdwn", text = markdown } },
                new { type = "context", elements = new object[] { new { type = "mrkdwn", text = Escape($"OperatorConsole · {Path}") } } },
            },
        }, Json);
    }

    // Slack reads &, < and > as control characters in mrkdwn.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
