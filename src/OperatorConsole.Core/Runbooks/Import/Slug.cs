using System.Globalization;
using System.Text;

namespace OperatorConsole.Core.Runbooks.Import;

internal static class Slug
{
    private const int MaxLength = 80;

    /// <summary>Lowercase a-z, 0-9 and single dashes; accents are folded ("café" → "cafe").</summary>
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length <= MaxLength ? result : result[..MaxLength].TrimEnd('-');
    }
}
