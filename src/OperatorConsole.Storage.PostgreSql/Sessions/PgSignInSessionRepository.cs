using OperatorConsole.Core.Sessions;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Sessions;

internal sealed class PgSignInSessionRepository(PgContext db) : ISignInSessionRepository
{
    private readonly PgDocuments _sessions = new(db, "sign_in_sessions");

    public SignInSession? Get(string id) => _sessions.Get<SignInSession>(id);

    public void Upsert(SignInSession session) => _sessions.Upsert(session.Id, session, ("started_at", session.StartedAt.ToUniversalTime()));

    public void DeleteStartedBefore(DateTimeOffset before) => _sessions.Delete("started_at < @before", ("before", before.ToUniversalTime()));
}
