using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Alerts;

/// <summary>The limits every alert meets before the matrix sees it, whatever its source.</summary>
public static class IncomingAlerts
{
    public const int MaxAlerts = 1000;
    public const int MaxLabels = 64;
    public const int MaxNameLength = 128;
    public const int MaxValueLength = 2048;

    public static void Validate(IReadOnlyList<IncomingAlert> alerts)
    {
        var problems = new List<FieldProblem>();
        if (alerts.Count == 0)
        {
            problems.Add(new("alerts", "Send at least one alert."));
        }
        else if (alerts.Count > MaxAlerts)
        {
            problems.Add(new("alerts", $"At most {MaxAlerts} alerts per delivery."));
        }

        for (var i = 0; i < alerts.Count && problems.Count < 20; i++)
        {
            var alert = alerts[i];
            var at = $"alerts[{i}]";
            if (alert.Status is not (IncomingAlert.Firing or IncomingAlert.Resolved))
            {
                problems.Add(new($"{at}.status", $"{at}.status must be \"firing\" or \"resolved\"."));
            }

            if (string.IsNullOrWhiteSpace(alert.Fingerprint) || alert.Fingerprint.Length > MaxNameLength)
            {
                problems.Add(new($"{at}.fingerprint", $"{at}.fingerprint is required and at most {MaxNameLength} characters."));
            }

            if (alert.StartsAt == default)
            {
                problems.Add(new($"{at}.startsAt", $"{at}.startsAt is required."));
            }

            Pairs(problems, alert.Labels, $"{at}.labels");
            Pairs(problems, alert.Annotations, $"{at}.annotations");
        }

        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }
    }

    /// <summary>Alertmanager's own fingerprint is a hash of the sorted label set; sources without one get the same idea.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> labels)
    {
        var canonical = string.Join("\u001f", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}\u001e{l.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    /// <summary>The link kept for the timeline: only an absolute http or https URL, never a script or file link.</summary>
    public static string? SafeLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static void Pairs(List<FieldProblem> problems, IReadOnlyDictionary<string, string>? pairs, string field)
    {
        if (pairs is null)
        {
            problems.Add(new(field, $"{field} must be an object of strings."));
            return;
        }

        if (pairs.Count > MaxLabels)
        {
            problems.Add(new(field, $"{field} has more than {MaxLabels} entries."));
        }

        if (pairs.Any(p => p.Key.Length is 0 or > MaxNameLength || (p.Value?.Length ?? 0) > MaxValueLength))
        {
            problems.Add(new(field, $"{field}: names are 1–{MaxNameLength} characters, values at most {MaxValueLength}."));
        }
    }
}
