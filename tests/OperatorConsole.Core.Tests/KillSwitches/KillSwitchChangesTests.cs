using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Core.Tests.KillSwitches;

public sealed class KillSwitchChangesTests
{
    [Fact]
    public void Between_OneOfTwoSwitchesFlipped_OnlyThatSwitch()
    {
        var (a, b) = (Switch("a", on: false, version: 1), Switch("b", on: false, version: 2));
        var flipped = b with { On = true, Version = 3 };

        var changed = KillSwitchChanges.Between(Snapshot(a, b), Snapshot(a, flipped));

        Assert.Equal([flipped], changed);
    }

    [Fact]
    public void Between_SwitchAdded_NullSoTheWholeListIsDrawn()
    {
        var (a, b) = (Switch("a", on: false, version: 1), Switch("b", on: false, version: 2));

        Assert.Null(KillSwitchChanges.Between(Snapshot(b), Snapshot(a, b)));
    }

    [Fact]
    public void Between_SameSwitches_NothingChanged()
    {
        var a = Switch("a", on: true, version: 1);

        Assert.Empty(KillSwitchChanges.Between(Snapshot(a), Snapshot(a with { })) ?? [a]);
    }

    private static KillSwitchSnapshot Snapshot(params KillSwitch[] switches) => new(switches.Max(s => s.Version), true, switches);

    private static KillSwitch Switch(string key, bool on, long version) => new()
    {
        Key = key, Scope = KillSwitch.GlobalScope, Description = "test", DefaultOn = false, On = on, Version = version,
    };
}
