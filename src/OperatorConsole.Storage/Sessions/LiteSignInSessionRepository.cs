using LiteDB;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Sessions;

internal sealed class LiteSignInSessionRepository(ILiteDatabase db, bool writable) : ISignInSessionRepository
{
    private readonly ILiteCollection<BsonDocument> _sessions = db.GetCollection(LiteSchema.SignInSessions);

    public SignInSession? Get(string id)
    {
        var doc = _sessions.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<SignInSession>(doc);
    }

    public void Upsert(SignInSession session)
    {
        LiteSession.EnsureWritable(writable);
        _sessions.Upsert(JsonDocuments.Wrap(session.Id, session, ("startedAt", session.StartedAt.UtcDateTime)));
    }

    public void DeleteStartedBefore(DateTimeOffset before)
    {
        LiteSession.EnsureWritable(writable);
        _sessions.DeleteMany(Query.LT("startedAt", before.UtcDateTime));
    }
}
