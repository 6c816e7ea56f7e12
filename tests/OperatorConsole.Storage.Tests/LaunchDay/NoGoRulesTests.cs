using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>Each no-go rule holds and clears on exactly the console data that should make it.</summary>
public sealed class NoGoRulesTests : IAsyncLifetime
{
    private LaunchScene _scene = null!;

    public async Task InitializeAsync() => _scene = await LaunchScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Gate_NewLaunchOnABareConsole_EveryRuleHoldsWithItsFix()
    {
        var gate = _scene.Gate();

        Assert.True(gate.NoGo);
        Assert.All(gate.Rules, r => Assert.True(r.Holds, r.Id));
        Assert.Equal(
            ["/rollbacks", "/kill-switches", "/admin/alert-rules", "/admin/alert-rules", $"/launches/{_scene.Launch.Id}"],
            gate.Rules.Select(r => r.FixLink));
    }

    [Fact]
    public async Task RollbackRule_PassingDrill_Clears()
    {
        await _scene.PassingDrillAsync();

        Assert.False(_scene.Rule(NoGoRules.RollbackUnproven).Holds);
    }

    [Fact]
    public async Task RollbackRule_FailedDrill_Holds()
    {
        await _scene.PassingDrillAsync(passing: false);

        Assert.True(_scene.Rule(NoGoRules.RollbackUnproven).Holds);
    }

    [Fact]
    public async Task RollbackRule_PassingDrillOlderThanTheWindow_Holds()
    {
        await _scene.PassingDrillAsync();
        _scene.Clock.Now += TimeSpan.FromDays(91);

        var rule = _scene.Rule(NoGoRules.RollbackUnproven);

        Assert.True(rule.Holds);
        Assert.Contains("older than 90 days", rule.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void KillSwitchRule_NoSwitchForTheScope_HoldsSayingSo()
    {
        var rule = _scene.Rule(NoGoRules.KillSwitchesUntested);

        Assert.True(rule.Holds);
        Assert.Contains("No kill switch exists", rule.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitchRule_SwitchNeverDrilled_HoldsNamingIt()
    {
        await _scene.SwitchAsync(drilled: false);

        var rule = _scene.Rule(NoGoRules.KillSwitchesUntested);

        Assert.True(rule.Holds);
        Assert.Contains("bad-pack@porto", rule.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitchRule_SwitchDrilled_Clears()
    {
        await _scene.SwitchAsync(drilled: true);

        Assert.False(_scene.Rule(NoGoRules.KillSwitchesUntested).Holds);
    }

    [Fact]
    public async Task KillSwitchRule_GlobalSwitchDrilled_Clears()
    {
        await _scene.SwitchAsync(drilled: true, scope: KillSwitch.GlobalScope);

        Assert.False(_scene.Rule(NoGoRules.KillSwitchesUntested).Holds);
    }

    [Fact]
    public async Task KillSwitchRule_OnlyAnotherScopesSwitch_Holds()
    {
        await _scene.SwitchAsync(drilled: true, scope: "baseline");

        Assert.True(_scene.Rule(NoGoRules.KillSwitchesUntested).Holds);
    }

    [Fact]
    public async Task KillSwitchRule_DrillOlderThanTheWindow_Holds()
    {
        await _scene.SwitchAsync(drilled: true);
        _scene.Clock.Now += TimeSpan.FromDays(91);

        Assert.True(_scene.Rule(NoGoRules.KillSwitchesUntested).Holds);
    }

    [Theory]
    [InlineData(IncidentClass.StalePackBreach, NoGoRules.StalePackAlertingAbsent)]
    [InlineData(IncidentClass.PublishFailure, NoGoRules.PublishFailuresNotRouted)]
    public async Task AlertRule_RuleRoutingTheClass_Clears(IncidentClass incidentClass, string ruleId)
    {
        await _scene.AlertRuleAsync(incidentClass);

        Assert.False(_scene.Rule(ruleId).Holds);
    }

    [Fact]
    public async Task AlertRule_OnlyAnotherClassRouted_Holds()
    {
        await _scene.AlertRuleAsync(IncidentClass.PublishFailure);

        Assert.True(_scene.Rule(NoGoRules.StalePackAlertingAbsent).Holds);
    }

    [Fact]
    public async Task AlertRule_RuleDeleted_HoldsAgain()
    {
        var rule = await _scene.AlertRuleAsync(IncidentClass.StalePackBreach);

        await _scene.Store.AlertRules.DeleteAsync(TestActors.Admin, rule.Id);

        Assert.True(_scene.Rule(NoGoRules.StalePackAlertingAbsent).Holds);
    }

    [Fact]
    public void ScopeRule_ProbesNeverRan_HoldsSayingSo()
    {
        var rule = _scene.Rule(NoGoRules.ScopeNotValidated);

        Assert.True(rule.Holds);
        Assert.Contains("never run", rule.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScopeRule_ProbesPassed_Clears()
    {
        await _scene.Launches.RunProductionProbesAsync(TestActors.Rita, _scene.Launch.Id);

        Assert.False(_scene.Rule(NoGoRules.ScopeNotValidated).Holds);
    }

    [Fact]
    public async Task ScopeRule_ProbesFailed_Holds()
    {
        _scene.RulesDown = true;

        var launch = await _scene.Launches.RunProductionProbesAsync(TestActors.Rita, _scene.Launch.Id);

        Assert.Equal(LaunchStepState.Failed, launch.Step(LaunchStepKind.ProductionProbes).State);
        Assert.True(_scene.Rule(NoGoRules.ScopeNotValidated).Holds);
    }

    [Fact]
    public async Task Gate_EveryRuleSatisfied_Clear()
    {
        await _scene.ClearGateButProbesAsync();
        await _scene.Launches.RunProductionProbesAsync(TestActors.Rita, _scene.Launch.Id);

        Assert.False(_scene.Gate().NoGo);
    }
}
