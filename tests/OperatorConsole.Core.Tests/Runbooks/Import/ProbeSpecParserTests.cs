using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class ProbeSpecParserTests
{
    [Fact]
    public void Parse_FullSpecWithComments_ReadsEveryDirective()
    {
        var spec = ProbeSpecParser.Parse("""
            # Ask the model service how it is doing.
            POST https://ml.example.com/status
            expect 201
            assert $.metrics.survival_rate >= 0.9
            timeout 2500
            body {"deep":true}
            """);

        Assert.Equal(new ProbeSpec("POST", "https://ml.example.com/status", 201, "$.metrics.survival_rate", ">=", 0.9, "{\"deep\":true}", 2500), spec);
    }

    [Fact]
    public void Parse_RequestLineOnly_UsesDefaults()
    {
        var spec = ProbeSpecParser.Parse("GET /health/ready");

        Assert.Equal(new ProbeSpec("GET", "/health/ready", 200, null, null, null, null, 5000), spec);
    }

    [Theory]
    [InlineData("", "no request line")]
    [InlineData("# only a comment", "no request line")]
    [InlineData("GET health", "Probe line 1")]
    [InlineData("GET //evil.example.com/x", "Probe line 1")]
    [InlineData("GET ftp://files.example.com", "Probe line 1")]
    [InlineData("DELETE /health", "Probe line 1")]
    [InlineData("GET /a\nexpect abc", "Probe line 2")]
    [InlineData("GET /a\nexpect 42", "Probe line 2")]
    [InlineData("GET /a\ntimeout 50", "Probe line 2")]
    [InlineData("GET /a\ntimeout 30001", "Probe line 2")]
    [InlineData("GET /a\nassert survival_rate > 1", "Probe line 2")]
    [InlineData("GET /a\nassert $.rate ~ 1", "Probe line 2")]
    [InlineData("GET /a\nassert $.rate > high", "Probe line 2")]
    [InlineData("GET /a\n\nbody {}", "Probe line 3")]
    [InlineData("POST /a\nbody", "Probe line 2")]
    [InlineData("GET /a\nexpect 200\nexpect 204", "Probe line 3")]
    [InlineData("GET /a\nGET /b", "Probe line 2")]
    public void Parse_MalformedSpec_ThrowsNamingTheLine(string block, string expectedFragment)
    {
        var error = Assert.Throws<DomainValidationException>(() => ProbeSpecParser.Parse(block));

        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }
}
