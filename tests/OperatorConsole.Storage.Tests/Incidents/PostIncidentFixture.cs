using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>A store on a manual clock with helpers to open incidents and write records at known dates.</summary>
public abstract class PostIncidentFixture : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    protected PostIncidentFixture() => Store = new TestStore(Clock);

    protected ManualClock Clock { get; } = new(Start);

    protected TestStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<Incident> OpenAsync(string title = "Publish blocked in eu-west") =>
        Store.Incidents.OpenAsync(TestActors.Omar, new OpenIncident(title, IncidentClass.PublishFailure, IncidentSeverity.Sev2, ["eu-west"], "alertmanager"));

    protected static PostIncidentDraft Complete(params FollowUpDraft[] followUps) => new()
    {
        Summary = "Publishes failed for 40 minutes.",
        RootCause = "Verifier key rotated without updating the signer.",
        ContributingFactors = "No alert on signer/verifier key mismatch.",
        WentWell = "Last known good stayed active.",
        WentBadly = "Paging took 15 minutes.",
        FollowUps = [.. followUps],
    };

    protected static FollowUpDraft Item(string text, string owner, DateOnly due) => new() { Text = text, Owner = owner, Due = due };

    protected static DateOnly Day(int month, int day) => new(2026, month, day);
}
