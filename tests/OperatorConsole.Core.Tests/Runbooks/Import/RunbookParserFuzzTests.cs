using System.Globalization;
using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

/// <summary>
/// The importer under random, malformed and hostile documents from a fixed seed: each either parses or is refused
/// with a DomainException, never another exception. OC_FUZZ_ITERATIONS and OC_FUZZ_SEED run it longer or elsewhere.
/// </summary>
public sealed class RunbookParserFuzzTests
{
    private static readonly string[] Pieces =
    [
        "# ", "## ", "### Step ", "- ", "1. ", "- [ ] ", "- [x] ", "> ", "    ", "\t", "```", "```probe\nGET http://127.0.0.1:1/health\nexpect 200\n", "```bash\n",
        "---\ntitle: T\npriority: P1\ntags: [a, b]\n---\n", "---\n: : :\n---\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "**", "_", "[link](", "](x)", "<div>", "&#x0;",
        "Ã©", "â€™", "\ud800", "\udc00", "😀", "\u202e", "\r\n", "\n", "\n\n", "text ", "Severity: SEV1\n", "Trigger: ", "Purpose: ",
    ];

    private readonly RunbookParser _parser = new();

    [Fact]
    public void Parse_RandomDocuments_ParseOrAreRefusedNeverThrowOtherwise()
    {
        var seed = Setting("OC_FUZZ_SEED") ?? 20261129;
        var random = new Random(seed);
        var failures = new List<string>();
        var iterations = Setting("OC_FUZZ_ITERATIONS") is { } n ? n * 25 : 200;
        for (var i = 0; i < iterations; i++)
        {
            var content = Document(random);
            try
            {
                _parser.Parse(content, "fuzz.md");
            }
            catch (DomainException)
            {
                // Refused with a message for the uploader.
            }
            catch (Exception ex)
            {
                failures.Add($"#{i} ({content.Length} bytes): {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {seed}, {iterations} documents:\n{string.Join("\n", failures.Take(20))}");
    }

    [Theory]
    [InlineData("> ", 5000)]
    [InlineData("[", 20000)]
    public void Parse_NestedPastTheParsersDepth_IsRefusedSayingNestedTooDeeply(string opener, int depth)
    {
        var text = "# Deep\n\n" + string.Concat(Enumerable.Repeat(opener, depth)) + "x";

        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse(text, "deep.md"));

        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneMegabyteOnOneLine_ParsesOrIsRefused()
    {
        var text = "# Long\n\n" + new string('a', 1024 * 1024);

        var outcome = Record.Exception(() => _parser.Parse(text, "long.md"));

        Assert.True(outcome is null or DomainException, $"{outcome?.GetType().Name}: {outcome?.Message}");
    }

    private static byte[] Document(Random random) => random.Next(10) switch
    {
        0 => Bytes(random, random.Next(1, 5000)),
        1 => [.. Encoding.UTF8.GetBytes("# Title\n"), 0xC3, 0x28, 0xFF, 0xFE],
        2 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "> " : "- ", random.Next(50, 3000))) + "x"),
        _ => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => Pieces[random.Next(Pieces.Length)]))),
    };

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
