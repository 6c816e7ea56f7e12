using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;

namespace OperatorConsole.Core.Tests.Lockdown;

public sealed class LockdownRulesTests
{
    [Theory]
    [InlineData("https://alerts.example.org/hook?team=ops", "https://alerts.example.org/hook?team=ops")]
    [InlineData("  http://127.0.0.1:9000/x  ", "http://127.0.0.1:9000/x")]
    public void WebhookUrl_AbsoluteHttp_Accepted(string input, string stored) =>
        Assert.Equal(stored, LockdownAlertWebhook.Validate(input));

    [Theory]
    [InlineData("ftp://example.org/hook")]
    [InlineData("/relative")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void WebhookUrl_NotAbsoluteHttp_RefusedOnTheField(string input)
    {
        var refused = Assert.Throws<DomainValidationException>(() => LockdownAlertWebhook.Validate(input));

        Assert.Contains("alertWebhookUrl", refused.Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void WebhookUrl_Empty_TurnsItOff(string? input) => Assert.Null(LockdownAlertWebhook.Validate(input));

    [Fact]
    public void WebhookTarget_Described_WithoutQueryOrUserInfo() =>
        Assert.Equal("https://alerts.example.org/hook", LockdownAlertWebhook.Describe("https://user:secret@alerts.example.org/hook?token=abc"));

    [Theory]
    [InlineData("lockdown")]
    [InlineData("failure-status")]
    public void Topics_LockdownAndFailureStatus_AreKnownToTheHub(string topic) => Assert.True(Topics.IsKnown(topic));

    [Fact]
    public void RefusalMessage_SaysSinceByWhomWhyAndWhatToDo()
    {
        var record = new LockdownRecord
        {
            Id = "abc", Reason = "bad pack", EngagedBy = "omar", EngagedByName = "Omar On-call",
            EngagedAt = new DateTimeOffset(2025, 3, 1, 9, 30, 5, TimeSpan.Zero), SnapshotId = "snap-abc", SnapshotHash = "00",
        };

        Assert.Equal(
            "The console is in emergency lockdown since 2025-03-01 09:30:05 UTC by Omar On-call: bad pack. Release it first.",
            LockdownMessages.Refusal(record));
    }
}
