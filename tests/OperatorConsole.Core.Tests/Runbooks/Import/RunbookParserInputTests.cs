using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class RunbookParserInputTests
{
    private readonly RunbookParser _parser = new();

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\r\n ")]
    public void Parse_EmptyOrWhitespace_IsRefused(string text)
    {
        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse(Encoding.UTF8.GetBytes(text), "empty.md"));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BytesWithNul_IsRefusedAsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse(png, "logo.png"));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextFullOfControlCharacters_IsRefusedAsBinary()
    {
        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse("# T\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007", "odd.md"));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRefusedNamingTheOffset()
    {
        byte[] latin1 = [.. "# Caf"u8, 0xE9, .. "\nstep"u8];

        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse(latin1, "latin1.md"));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverTwoMegabytes_IsRefused()
    {
        var big = Encoding.UTF8.GetBytes("# Big\n\n" + new string('x', RunbookParser.MaxBytes));

        var error = Assert.Throws<PayloadTooLargeException>(() => _parser.Parse(big, "big.md"));

        Assert.Contains("at most 2 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf8Bom_IsAccepted()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. "# Restart\n\n- Stop it\n"u8];

        Assert.Equal("Restart", _parser.Parse(withBom, "restart.md").Title);
    }

    [Fact]
    public void Parse_FrontMatterWithoutTitleOrContent_IsRefused()
    {
        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse("---\ntags: [x]\n---\n", "bare.md"));

        Assert.Contains("no title and no content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrontMatterWithUnknownPriority_IsRefused()
    {
        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse("---\npriority: urgent\n---\n# T\n", "p.md"));

        Assert.Contains("'urgent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedProbeBlock_IsRefusedNamingSectionAndLine()
    {
        var error = Assert.Throws<DomainValidationException>(() => _parser.Parse("# T\n\n## Checks\n\n```probe\nGET /x\nexpect soon\n```\n", "p.md"));

        Assert.StartsWith("Section \"Checks\": Probe line 2", error.Message, StringComparison.Ordinal);
    }
}
