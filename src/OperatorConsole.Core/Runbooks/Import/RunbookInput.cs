using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>Refuses input that is not a text document before anything is parsed or stored.</summary>
internal static class RunbookInput
{
    // Real documents have a few tabs and form feeds at most; above this share it is not text.
    private const double MaxControlShare = 0.05;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The longest line a runbook may hold; longer is a pasted blob or a log, not something to read or run.</summary>
    public const int MaxLineLength = 100_000;

    public static string Decode(byte[] content)
    {
        CheckSize(content.Length);
        if (content.AsSpan().Contains((byte)0))
        {
            throw Binary();
        }

        var bytes = content.AsSpan();
        var bomLength = bytes.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes[bomLength..], chars, out var read, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done
            ? new string(chars, 0, written)
            : throw new DomainValidationException(
                $"The file is not valid UTF-8 text (bad byte at offset {bomLength + read}). Save it as UTF-8 and upload it again.");
    }

    public static void Check(string text)
    {
        CheckSize(Encoding.UTF8.GetByteCount(text));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainValidationException("The document is empty.");
        }

        var controls = text.Count(c => c == '\x7F' || (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')));
        if (text.Contains('\0', StringComparison.Ordinal) || controls > text.Length * MaxControlShare)
        {
            throw Binary();
        }

        CheckLineLengths(text);
    }

    private static void CheckLineLengths(string text)
    {
        var (start, number) = (0, 1);
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (length > MaxLineLength)
            {
                throw DomainValidationException.ForFields([new FieldProblem("body", string.Create(CultureInfo.InvariantCulture,
                    $"Line {number} is {length:N0} characters long; a runbook line can be at most {MaxLineLength:N0}. Put long data in a linked file."))]);
            }

            if (end < 0)
            {
                return;
            }

            (start, number) = (end + 1, number + 1);
        }
    }

    private static void CheckSize(int bytes)
    {
        if (bytes == 0)
        {
            throw new DomainValidationException("The document is empty.");
        }

        if (bytes > RunbookParser.MaxBytes)
        {
            throw new PayloadTooLargeException(
                $"The document is {bytes / 1024.0 / 1024.0:0.0} MB; runbooks can be at most {RunbookParser.MaxBytes / 1024 / 1024} MB.");
        }
    }

    private static DomainValidationException Binary() =>
        new("The file looks binary (it contains NUL bytes or control characters). Upload a Markdown or plain-text runbook.");
}
