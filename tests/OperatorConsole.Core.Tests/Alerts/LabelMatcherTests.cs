using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Tests.Alerts;

public sealed class LabelMatcherTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["alertname"] = "StalePack", ["scope"] = "porto-1", ["env"] = "prod" };

    [Theory]
    [InlineData("scope=porto-1", true)]
    [InlineData("scope=\"porto-1\"", true)]
    [InlineData("scope=porto", false)]
    [InlineData("scope!=porto", true)]
    [InlineData("scope!=porto-1", false)]
    [InlineData("missing=\"\"", true)]
    [InlineData("missing!=\"\"", false)]
    public void Matches_Equality_AsAlertmanager(string matcher, bool expected) =>
        Assert.Equal(expected, LabelMatcher.Parse(matcher).Matches(Labels));

    [Theory]
    [InlineData("scope=~porto-.*", true)]
    [InlineData("scope=~porto", false)] // anchored: a prefix is not a match
    [InlineData("scope=~\"orto-1\"", false)]
    [InlineData("env=~\"prod|staging\"", true)]
    [InlineData("scope!~porto-.*", false)]
    [InlineData("scope!~lisbon.*", true)]
    [InlineData("missing=~\".*\"", true)]
    public void Matches_Regex_AnchoredAtBothEnds(string matcher, bool expected) =>
        Assert.Equal(expected, LabelMatcher.Parse(matcher).Matches(Labels));

    [Theory]
    [InlineData("scope")]
    [InlineData("=value")]
    [InlineData("scope=~\"(unclosed\"")]
    [InlineData("1scope=x")]
    public void Parse_NotAMatcher_RefusedAsInvalid(string matcher) =>
        Assert.Throws<DomainValidationException>(() => LabelMatcher.Parse(matcher));

    [Fact]
    public void Matches_CatastrophicRegexPastTimeout_CountsAsNoMatch()
    {
        var matcher = LabelMatcher.Parse("payload=~\"(a+)+b\"");

        Assert.False(matcher.Matches(new Dictionary<string, string> { ["payload"] = new string('a', 5000) + "c" }));
    }
}
