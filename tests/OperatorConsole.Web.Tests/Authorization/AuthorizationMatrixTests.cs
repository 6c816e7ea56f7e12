using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace OperatorConsole.Web.Tests.Authorization;

/// <summary>
/// Every HTTP endpoint, page and hub method × anonymous, a revoked key and each role alone, against the one table in
/// <see cref="AccessTable"/>. Allowed means not refused (a dummy request may still be 400/404); refused means 401/403
/// (pages: a redirect to sign-in or access denied). Within an endpoint the refused callers go first, so their answer
/// is the role check's and not the result of another caller's change.
/// </summary>
public sealed class AuthorizationMatrixTests(Callers callers) : IClassFixture<Callers>
{
    [Fact]
    public void Table_EverySurfaceHasARowAndEveryRowASurface()
    {
        string[] surfaces = [.. Surfaces.HttpEndpoints(callers.Host), .. Surfaces.Pages(callers.Host), .. Surfaces.HubMethods().Select(m => Surfaces.HubPrefix + m.Name)];

        var missing = surfaces.Where(s => !AccessTable.Rows.ContainsKey(s)).ToList();
        var stale = AccessTable.Rows.Keys.Where(k => !surfaces.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Add a row to AccessTable for: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "AccessTable rows for surfaces that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task HttpEndpoints_EveryCaller_AllowedExactlyAsTheTableSays()
    {
        var mismatches = new List<string>();
        foreach (var surface in Surfaces.HttpEndpoints(callers.Host).Where(AccessTable.Rows.ContainsKey))
        {
            var (method, pattern) = (surface.Split(' ')[0], surface.Split(' ')[1]);
            await CheckAsync(surface, mismatches, caller => caller.Api.SendAsync(Request(method, pattern)));
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task Pages_EveryCaller_AllowedExactlyAsTheTableSays()
    {
        var mismatches = new List<string>();
        foreach (var surface in Surfaces.Pages(callers.Host).Where(AccessTable.Rows.ContainsKey))
        {
            var path = Surfaces.PathFor(surface[Surfaces.PagePrefix.Length..]);
            await CheckAsync(surface, mismatches, caller => caller.Browser.GetAsync(path));
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task HubMethods_EveryCaller_AllowedExactlyAsTheTableSays()
    {
        var mismatches = new List<string>();
        foreach (var caller in callers.All)
        {
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(callers.Host.BaseAddress, "/hubs/console"), o =>
                {
                    if (caller.ApiKey is not null)
                    {
                        o.Headers["X-Api-Key"] = caller.ApiKey;
                    }
                })
                .Build();
            var connected = await TryStartAsync(connection);
            foreach (var method in Surfaces.HubMethods())
            {
                var surface = Surfaces.HubPrefix + method.Name;
                var allowed = connected && await InvokeAllowedAsync(connection, method);
                if (AccessTable.Rows.TryGetValue(surface, out var access) && access.Allows(caller.Role) != allowed)
                {
                    mismatches.Add($"{surface}: {caller.Name} {(allowed ? "allowed" : "refused")}, the table says {access}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private async Task CheckAsync(string surface, List<string> mismatches, Func<Caller, Task<HttpResponseMessage>> send)
    {
        var access = AccessTable.Rows[surface];
        var observed = new StringBuilder();
        foreach (var caller in callers.All.OrderBy(c => access.Allows(c.Role)))
        {
            using var response = await send(caller);
            // Roles come before state and input: a refused role is 401/403 even for a dummy request, never 400/404/409.
            var allowed = !Callers.IsDenied(response);
            if (allowed != access.Allows(caller.Role))
            {
                observed.Append($" {caller.Name}={(int)response.StatusCode}");
            }
        }

        if (observed.Length > 0)
        {
            mismatches.Add($"{surface}: the table says {access}; differs for{observed}");
        }
    }

    private static HttpRequestMessage Request(string method, string pattern)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Surfaces.PathFor(pattern));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<bool> TryStartAsync(HubConnection connection)
    {
        try
        {
            await connection.StartAsync();
            return true;
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return false;
        }
    }

    /// <summary>Refused only when the hub says the caller is unauthorized; a dummy argument's own error still counts as reached.</summary>
    private static async Task<bool> InvokeAllowedAsync(HubConnection connection, MethodInfo method)
    {
        object?[] args = [.. method.GetParameters().Select(p => p.ParameterType == typeof(string) ? "runbooks" : Activator.CreateInstance(p.ParameterType))];
        try
        {
            await connection.InvokeCoreAsync(method.Name, typeof(object), args);
            return true;
        }
        catch (HubException ex)
        {
            return !ex.Message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase);
        }
    }
}
