using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// The hub's mapping of refusals: a hub method's <see cref="DomainException"/> reaches the caller as a HubException
/// with its message (SignalR hides every other exception's message). A null sent for a parameter that is not
/// nullable is refused the same way before the method runs, as the API's binding refuses a missing field.
/// </summary>
public sealed class DomainExceptionHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var parameters = invocationContext.HubMethod.GetParameters();
        for (var i = 0; i < parameters.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (invocationContext.HubMethodArguments[i] is null && new NullabilityInfoContext().Create(parameters[i]).WriteState == NullabilityState.NotNull)
            {
                throw new HubException($"'{parameters[i].Name}' is required.");
            }
        }

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
