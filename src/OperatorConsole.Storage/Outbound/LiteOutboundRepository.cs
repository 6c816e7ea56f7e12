using LiteDB;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Outbound;

/// <summary>The outbound allow-list as one meta document.</summary>
internal sealed class LiteOutboundRepository(ILiteDatabase db, bool writable) : IOutboundRepository
{
    private readonly MetaDocument<OutboundAllowList> _allowList = new(db, writable, "outbound-allow-list", OutboundAllowList.Empty);

    public OutboundAllowList AllowList() => _allowList.Get();

    public void Save(OutboundAllowList allowList) => _allowList.Save(allowList);
}
