namespace OperatorConsole.Storage.Common;

/// <summary>
/// A range read in key order in pages that start small and double: a caller that stops at the first item or two reads
/// one short page, and one that reads on pays a few more seeks, never a skip. Each page is read whole before any of it
/// is handed out, so no cursor stays open while the caller runs its own queries on the same session (PostgreSQL's
/// connection reads one statement at a time).
/// </summary>
internal static class KeysetPages
{
    private const int FirstPage = 2;
    private const int LargestPage = 256;

    /// <param name="after">Up to the given number of items after the given one (null: from the start of the range), in key order.</param>
    public static IEnumerable<T> Walk<T>(Func<T?, int, IReadOnlyList<T>> after)
        where T : class
    {
        T? last = null;
        for (var size = FirstPage; ; size = Math.Min(size * 2, LargestPage))
        {
            var page = after(last, size);
            foreach (var item in page)
            {
                yield return item;
            }

            if (page.Count < size)
            {
                yield break;
            }

            last = page[^1];
        }
    }
}
