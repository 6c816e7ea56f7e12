using Microsoft.AspNetCore.SignalR;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// The hub's mapping of refusals: a hub method's <see cref="DomainException"/> reaches the caller as a HubException
/// with its message (SignalR hides every other exception's message), and is not logged as a fault.
/// </summary>
public sealed class DomainExceptionHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException refusal)
        {
            throw new HubException(refusal.Message, refusal);
        }
    }
}
