using System.Globalization;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Keeps titles readable. A title over <see cref="MaxLength"/> characters is cut with a warning; a line over
/// <see cref="MaxHeadingLength"/> characters (a pasted log line, a 1 MB line) is text, never a title or a heading.
/// </summary>
internal static class TitleText
{
    public const int MaxLength = 200;
    public const int MaxHeadingLength = 1000;

    public static bool IsTooLongForHeading(string text) => text.Length > MaxHeadingLength;

    /// <summary>The title to show, cut to <see cref="MaxLength"/>; the cut is reported in <paramref name="warnings"/>.</summary>
    public static string Heading(string title, List<string> warnings)
    {
        if (title.Length <= MaxLength)
        {
            return title;
        }

        warnings.Add(string.Create(CultureInfo.InvariantCulture,
            $"A title of {title.Length} characters was cut to {MaxLength}: \"{title[..40]}…\"."));
        return title[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
