using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay.Config;

namespace OperatorConsole.Core.Tests.LaunchDay.Config;

public sealed class ConfigSnapshotParserTests
{
    [Fact]
    public void Parse_NestedJson_FlattensWithDotsAndListIndexes()
    {
        var config = ConfigSnapshotParser.Parse("""
            { "api": { "endpoint": "https://api.binkindly.example/v2", "timeouts": { "read_ms": 2500 } },
              "regions": ["porto", "zrh"], "flags": { "dark_mode": true, "beta": null } }
            """, "json");

        Assert.Equal("json", config.Format);
        Assert.Equal("https://api.binkindly.example/v2", config.Values["api.endpoint"]);
        Assert.Equal("2500", config.Values["api.timeouts.read_ms"]);
        Assert.Equal(("porto", "zrh"), (config.Values["regions.0"], config.Values["regions.1"]));
        Assert.Equal(("true", ""), (config.Values["flags.dark_mode"], config.Values["flags.beta"]));
    }

    [Fact]
    public void Parse_JsonWithBomCrlfCommentsAndTrailingComma_Reads()
    {
        var config = ConfigSnapshotParser.Parse("\uFEFF{\r\n  // production\r\n  \"a\": \"1\",\r\n}\r\n", null);

        Assert.Equal("1", Assert.Single(config.Values).Value);
    }

    [Fact]
    public void Parse_JsonDuplicateKey_RefusedNamingTheKey()
    {
        var error = Refused("""{ "api": { "key": "a", "key": "b" } }""", "json");

        Assert.Contains("'api.key' appears twice", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonDottedKeyCollidingWithNestedKey_RefusedAsDuplicate()
    {
        var error = Refused("""{ "a.b": "1", "a": { "b": "2" } }""", "json");

        Assert.Contains("'a.b' appears twice", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "a": """)]
    [InlineData("""{ "a": 1 } trailing""")]
    [InlineData("""{ 'a': 1 }""")]
    public void Parse_BrokenJson_RefusedAsNotValidJson(string text)
    {
        Assert.StartsWith("The config is not valid JSON (line ", Refused(text, "json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonListAtTheTop_RefusedAsNotAnObject()
    {
        Assert.Contains("must be an object", Refused("""[1, 2]""", "json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonNestedDeeperThanTheLimit_Refused()
    {
        var deep = new string('[', 200) + new string(']', 200);

        Assert.StartsWith("The config is not valid JSON", Refused("{\"a\":" + deep + "}", "json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlWithAnchorAliasAndMerge_FollowsThemWithExplicitKeysWinning()
    {
        var config = ConfigSnapshotParser.Parse("""
            defaults: &defaults
              timeout_ms: 2500
              retries: 3
            api:
              <<: *defaults
              retries: 5
              endpoint: "https://api.binkindly.example/v2"
            mirrors: [&first https://a.example, *first]
            token: ~
            """, "yaml");

        Assert.Equal(("2500", "5"), (config.Values["api.timeout_ms"], config.Values["api.retries"]));
        Assert.Equal("https://a.example", config.Values["mirrors.1"]);
        Assert.Equal("", config.Values["token"]);
        Assert.False(config.Values.ContainsKey("api.<<"));
    }

    [Fact]
    public void Parse_YamlMultipleDocuments_Refused()
    {
        Assert.Contains("more than one document", Refused("a: 1\n---\nb: 2\n", "yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlDuplicateKey_RefusedNamingKeyAndLine()
    {
        Assert.Contains("'endpoint' appears twice in one YAML mapping (line 3)", Refused("api:\n  endpoint: a\n  endpoint: b\n", "yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlUnknownAlias_Refused()
    {
        Assert.Contains("refers to *nowhere (line 1)", Refused("a: *nowhere\n", "yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlAliasBomb_RefusedAtTheKeyLimit()
    {
        var yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append(CultureFormat($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n"));
        }

        Assert.Contains("more than 10,000 keys", Refused(yaml.ToString(), "yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlNestedDeeperThanTheLimit_RefusedWithoutOverflowingTheStack()
    {
        var deep = "a: " + new string('[', 50_000) + new string(']', 50_000) + "\n";

        Assert.Contains("nests deeper than 64", Refused(deep, "yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlScalarAtTheTop_Refused()
    {
        Assert.Contains("must be a mapping", Refused("just some words\n", "yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnvWithCommentsExportQuotesCrlfAndBom_ReadsEachValue()
    {
        var config = ConfigSnapshotParser.Parse(
            "\uFEFF# production\r\nexport API_ENDPOINT=https://api.example/v2 # primary\r\n\r\nGREETING=\"hello \\\"world\\\"\"\r\nRAW='a # b'\r\nEMPTY=\r\n", null);

        Assert.Equal("env", config.Format);
        Assert.Equal("https://api.example/v2", config.Values["API_ENDPOINT"]);
        Assert.Equal("hello \"world\"", config.Values["GREETING"]);
        Assert.Equal("a # b", config.Values["RAW"]);
        Assert.Equal("", config.Values["EMPTY"]);
    }

    [Fact]
    public void Parse_EnvDuplicateKey_RefusedNamingTheLine()
    {
        Assert.Contains("'A' appears twice (line 3)", Refused("A=1\n# again\nA=2\n", "env"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnvLineWithoutEquals_RefusedWithoutEchoingTheLine()
    {
        var error = Refused("A=1\nAPI_KEY: s3cr3t-value\n", "env");

        Assert.Contains("Line 2 of the env config is not KEY=VALUE", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnvUnclosedQuote_Refused()
    {
        Assert.Contains("never closes", Refused("A=\"open\n", "env"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF")]
    public void Parse_Empty_RefusedAsEmpty(string? text)
    {
        Assert.StartsWith("The config is empty", Refused(text, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverOneMegabyte_RefusedNamingTheLimit()
    {
        var huge = "A=" + new string('x', ConfigSnapshotParser.MaxBytes) + "\n";

        Assert.Contains("the limit is 1024 KB", Refused(huge, "env"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreKeysThanTheLimit_Refused()
    {
        var env = string.Join("\n", Enumerable.Range(0, ConfigSnapshotParser.MaxKeys + 1).Select(i => CultureFormat($"K{i}=v")));

        Assert.Contains("more than 10,000 keys", Refused(env, "env"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BinaryGarbage_RefusedWithAClearError()
    {
        var garbage = Encoding.Latin1.GetString([0x00, 0xFF, 0x13, 0x37, 0x7B, 0x0A, 0x22, 0x00]);

        var ex = Assert.Throws<DomainValidationException>(() => ConfigSnapshotParser.Parse(garbage, null));

        Assert.Equal([ConfigSnapshotParser.Field], ex.Errors.Keys);
    }

    [Fact]
    public void Parse_UnknownFormat_RefusedNamingTheFormatField()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ConfigSnapshotParser.Parse("a=1", "toml"));

        Assert.Equal(["format"], ex.Errors.Keys);
    }

    [Theory]
    [InlineData("{\"a\": 1}", "json")]
    [InlineData("# c\nexport A=1\n", "env")]
    [InlineData("a:\n  b: 1\n", "yaml")]
    public void Parse_NoFormatGiven_DetectsIt(string text, string format)
    {
        Assert.Equal(format, ConfigSnapshotParser.Parse(text, null).Format);
    }

    private static string Refused(string? text, string? format)
    {
        var ex = Assert.Throws<DomainValidationException>(() => ConfigSnapshotParser.Parse(text, format));
        return Assert.Single(ex.Errors[ConfigSnapshotParser.Field]);
    }

    private static string CultureFormat(FormattableString text) => FormattableString.Invariant(text);
}
