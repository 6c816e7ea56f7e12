using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Notifications;

/// <summary>A webhook URL is a bearer secret: checked on the way in, and afterwards only ever shown as a hint.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;
    private const int TailShown = 4;

    /// <summary>The URL as stored; anything but an absolute http(s) URL is a 400 on 'url' (the message never repeats it).</summary>
    public static string Validate(string? url)
    {
        var trimmed = url?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw DomainValidationException.ForFields([new FieldProblem("url",
                $"Enter an absolute http:// or https:// URL without user info (at most {MaxLength} characters).")]);
        }

        return uri.AbsoluteUri;
    }

    /// <summary>Scheme and host, then the last few characters masked in: enough to tell two webhooks apart, not to use one.</summary>
    public static string Hint(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "(invalid URL)";
        }

        var rest = uri.PathAndQuery.TrimEnd('/');
        var tail = rest.Length > TailShown * 3 ? rest[^TailShown..] : string.Empty;
        return $"{uri.Scheme}://{uri.Authority}/…{tail}";
    }
}
