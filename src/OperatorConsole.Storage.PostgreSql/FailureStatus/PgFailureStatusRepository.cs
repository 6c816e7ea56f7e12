using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.FailureStatus;

/// <summary>The one failure status, as a row of the meta table; absent means NORMAL.</summary>
internal sealed class PgFailureStatusRepository(PgContext db) : IFailureStatusRepository
{
    private readonly PgMeta<FailureState> _status = new(db, "failure-status", FailureState.Normal);

    public FailureState Current() => _status.Get();

    public void Save(FailureState state) => _status.Save(state);
}
