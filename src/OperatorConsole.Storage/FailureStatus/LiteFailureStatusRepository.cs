using LiteDB;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.FailureStatus;

/// <summary>The one failure status, as a document in the meta collection; absent means NORMAL.</summary>
internal sealed class LiteFailureStatusRepository(ILiteDatabase db, bool writable) : IFailureStatusRepository
{
    private readonly MetaDocument<FailureState> _status = new(db, writable, "failure-status", FailureState.Normal);

    public FailureState Current() => _status.Get();

    public void Save(FailureState state) => _status.Save(state);
}
