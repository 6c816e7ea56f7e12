using OperatorConsole.Core.Outbound;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Outbound;

/// <summary>The outbound allow-list as one row of the meta table.</summary>
internal sealed class PgOutboundRepository(PgContext db) : IOutboundRepository
{
    private readonly PgMeta<OutboundAllowList> _allowList = new(db, "outbound-allow-list", OutboundAllowList.Empty);

    public OutboundAllowList AllowList() => _allowList.Get();

    public void Save(OutboundAllowList allowList) => _allowList.Save(allowList);
}
