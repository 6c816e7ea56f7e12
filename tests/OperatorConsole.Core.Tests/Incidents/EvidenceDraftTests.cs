using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Tests.Incidents;

public sealed class EvidenceDraftTests
{
    private static EvidenceDraft Complete() => new()
    {
        Timestamp = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Scope = "nl-ams",
        TriggerSource = "alert",
        FailureMode = "bad pack",
        ContainmentAction = "kill switch",
        VerificationResult = "probe green",
        OperatorOrOwner = "Ines",
        FollowUp = "add a check",
    };

    [Fact]
    public void ProblemsByField_EmptyDraft_KeysAreTheApiFieldNames()
    {
        var errors = new EvidenceDraft().ProblemsByField();

        string[] expected = ["timestamp", "scope", "triggerSource", "failureMode", "containmentAction", "verificationResult", "operatorOrOwner", "followUp"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Verification result is required."], errors["verificationResult"]);
    }

    [Fact]
    public void Problems_SameDraft_AreTheFieldProblemsMessagesInOrder()
    {
        var draft = Complete();
        draft.VerificationResult = " ";
        draft.FollowUp = null;
        draft.RollbackOrKillSwitchAction = new string('x', EvidenceDraft.MaxFieldLength + 1);

        Assert.Equal(draft.FieldProblems().Select(p => p.Message), draft.Problems());
        Assert.Equal(["verificationResult", "followUp", "rollbackOrKillSwitchAction"], draft.FieldProblems().Select(p => p.Field));
    }

    [Fact]
    public void ProblemsByField_CompleteDraft_IsEmpty()
    {
        Assert.Empty(Complete().ProblemsByField());
        Assert.Empty(Complete().Problems());
    }
}
