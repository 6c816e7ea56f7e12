using Microsoft.AspNetCore.Components.Authorization;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Auth;

/// <summary>The signed-in person of this circuit, as Core's <see cref="Actor"/>.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User.ToActor();
}
