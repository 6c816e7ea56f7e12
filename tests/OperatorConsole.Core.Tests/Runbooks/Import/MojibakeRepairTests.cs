using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

public sealed class MojibakeRepairTests
{
    [Theory]
    [InlineData("âœ…", "✅")]
    [InlineData("â€”", "—")]
    [InlineData("Ã©", "é")]
    [InlineData("ğŸš€", "🚀")]
    public void Repair_CompleteDoubleEncodedSequence_RestoresTheCharacter(string damaged, string original) =>
        Assert.Equal(original, MojibakeRepair.Repair(damaged).Text);

    [Theory]
    [InlineData("ğŸ¯", "🎯")]
    [InlineData("ğŸ”", "🔍")]
    [InlineData("âš\u00A0ï¸", "⚠️")]
    [InlineData("ğŸ›¡ï¸", "🛡️")]
    public void Repair_SequenceMissingAnUndefinedCodePageByte_RestoresTheUsualCharacter(string damaged, string original) =>
        Assert.Equal(original, MojibakeRepair.Repair(damaged).Text);

    [Fact]
    public void Repair_ByteSurvivedAsC1Control_UsesIt()
    {
        // "🔐" is F0 9F 94 90; 0x90 decodes to U+0090 when an editor keeps it.
        Assert.Equal("🔐", MojibakeRepair.Repair("ğŸ”\u0090").Text);
    }

    [Fact]
    public void Repair_GenuineAccentedText_LeavesItAlone()
    {
        var (text, repairs) = MojibakeRepair.Repair("café naïve Ünïcode façade – “quoted”");

        Assert.Equal("café naïve Ünïcode façade – “quoted”", text);
        Assert.Empty(repairs);
    }

    [Fact]
    public void Repair_RepeatedDamage_ReportsEachFormOnceWithItsCount()
    {
        var (_, repairs) = MojibakeRepair.Repair("âœ… one âœ… two ğŸ›¡ï¸ three");

        Assert.Equal(["\"âœ…\" → \"✅\" (×2)", "\"ğŸ›¡ï¸\" → \"🛡️\" (×1, lost byte guessed)"], repairs);
    }
}
