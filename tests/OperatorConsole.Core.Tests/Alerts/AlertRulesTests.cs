using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static AlertRule Rule(string id, int order, string? alertName, params string[] matchers) =>
        new() { Id = id, Order = order, Name = id, AlertName = alertName, Matchers = matchers, FirstAction = "act" };

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void FirstMatch_TwoRulesMatch_LowerOrderWins()
    {
        var rules = new[] { Rule("general", 20, "ResolverHealth"), Rule("critical", 10, "ResolverHealth", "severity=critical") };

        var chosen = AlertRules.FirstMatch(rules, Labels(("alertname", "ResolverHealth"), ("severity", "critical")));

        Assert.Equal("critical", chosen?.Id);
    }

    [Fact]
    public void FirstMatch_EarlierRuleMatcherFails_FallsToLaterRule()
    {
        var rules = new[] { Rule("critical", 10, "ResolverHealth", "severity=critical"), Rule("general", 20, "ResolverHealth") };

        var chosen = AlertRules.FirstMatch(rules, Labels(("alertname", "ResolverHealth"), ("severity", "warning")));

        Assert.Equal("general", chosen?.Id);
    }

    [Fact]
    public void FirstMatch_AlertNameDiffers_NoRule()
    {
        var rules = new[] { Rule("stale", 10, "StalePack") };

        Assert.Null(AlertRules.FirstMatch(rules, Labels(("alertname", "StalePackage"))));
    }

    [Fact]
    public void FirstMatch_NegatedMatcher_ExcludesTheLabelValue()
    {
        var rules = new[] { Rule("not-staging", 10, "StalePack", "env!=staging") };

        Assert.Null(AlertRules.FirstMatch(rules, Labels(("alertname", "StalePack"), ("env", "staging"))));
        Assert.NotNull(AlertRules.FirstMatch(rules, Labels(("alertname", "StalePack"), ("env", "prod"))));
    }

    [Fact]
    public void Validate_NoAlertNameNoMatchers_RefusedNamingAlertName()
    {
        var draft = new AlertRuleDraft("everything", null, [], IncidentClass.Other, IncidentSeverity.Sev3, "look", null, null, AlertRuleMode.JoinOpen, false);

        var refused = Assert.Throws<DomainValidationException>(() => AlertRules.Validate(draft, "r1", 10));

        Assert.Contains("alertName", refused.Errors.Keys);
    }

    [Fact]
    public void Validate_BadMatcher_RefusedNamingMatchers()
    {
        var draft = new AlertRuleDraft("x", "X", ["scope=~\"(\""], IncidentClass.Other, IncidentSeverity.Sev3, "look", null, null, AlertRuleMode.JoinOpen, false);

        var refused = Assert.Throws<DomainValidationException>(() => AlertRules.Validate(draft, "r1", 10));

        Assert.Contains("matchers", refused.Errors.Keys);
    }
}
