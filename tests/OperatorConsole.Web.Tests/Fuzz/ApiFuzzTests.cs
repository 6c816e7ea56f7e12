using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.Commands;
using OperatorConsole.Web.Tests.Shared;
using Xunit.Abstractions;

namespace OperatorConsole.Web.Tests.Fuzz;

/// <summary>
/// Every endpoint that takes a body, as the app maps it, gets random, malformed, truncated, oversized and wrong-typed
/// input from a fixed seed. OC_FUZZ_ITERATIONS (requests per endpoint, default 8) and OC_FUZZ_SEED run it longer or
/// elsewhere; a failure prints the seed and the requests that failed.
/// </summary>
public sealed class ApiFuzzTests(ConsoleHost host, ITestOutputHelper output) : IClassFixture<ConsoleHost>
{
    private const Role AllRoles = Role.Viewer | Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;

    [Fact]
    public async Task EveryBodyEndpoint_FuzzedInput_NoServerErrorNoLoggedFaultAndRefusalsChangeNothing()
    {
        var (iterations, seed) = (FuzzSettings.Iterations(8), FuzzSettings.Seed());
        using var client = await host.ApiClientAsync(AllRoles);
        var requests = new FuzzRequests(
            new FuzzJson(new Random(seed)),
            await KnownIdsAsync(client),
            [.. host.Services.GetServices<ICommandHandler>().SelectMany(h => h.Types)]);
        var endpoints = ApiEndpointCatalog.All(host.Services).Where(e => e.TakesBody).ToList();
        var audit = host.Service<AuditService>();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var unnamed = new HashSet<string>(StringComparer.Ordinal);
        var (sent, serverErrors, badRequests, naming) = (0, 0, 0, 0);

        for (var round = 0; round < iterations; round++)
        {
            foreach (var endpoint in endpoints)
            {
                var head = audit.Head()?.Sequence ?? 0;
                using var request = requests.Create(endpoint);
                var described = $"{request.Method} {request.RequestUri} ({request.Content!.Headers.ContentType}, {request.Content.Headers.ContentLength} bytes)";
                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    serverErrors++;
                    failures.Add($"{status} from {described}: {await Excerpt(response)}");
                    continue;
                }

                if (status < 400 || !endpoint.Route.StartsWith("/api/", StringComparison.Ordinal))
                {
                    continue;
                }

                if (response.Content.Headers.ContentType?.MediaType != ApiRequests.ProblemJson)
                {
                    failures.Add($"{status} without problem+json from {described}");
                }
                else if (status == 400)
                {
                    badRequests++;
                    var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                    naming += problem.TryGetProperty("errors", out _) ? 1 : 0;
                    if (!problem.TryGetProperty("errors", out _))
                    {
                        unnamed.Add($"{endpoint}: {problem.GetProperty("detail").GetString()}");
                    }
                }

                if ((audit.Head()?.Sequence ?? 0) != head)
                {
                    failures.AddRange(audit.All().Where(e => e.Sequence > head && e.Outcome != LedgerOutcome.Denied && e.Actor != Actor.System.Id)
                        .Select(e => $"{status} from {described} still ledgered {e.Action} ({e.Outcome})"));
                }
            }
        }

        var faults = host.Logs.Errors();
        output.WriteLine($"seed {seed}: {endpoints.Count} endpoints, {sent} requests, {serverErrors} answered 5xx, {badRequests} answered 400 ({naming} naming a field), {faults.Count} errors logged; by status {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        output.WriteLine($"400s that name no field (the detail says what is wrong):\n{string.Join("\n", unnamed.Take(30))}");
        Assert.True(failures.Count == 0 && faults.Count == 0, $"seed {seed}, {sent} requests:\n{string.Join("\n", failures.Concat(faults).Distinct().Take(40))}");
    }

    /// <summary>
    /// Ids the fuzzed routes can name so requests reach past "not found": an incident and a run made here, and every id
    /// the lists show, by the route segment they belong under ("incidents") and all together (under "").
    /// </summary>
    private async Task<IReadOnlyDictionary<string, List<string>>> KnownIdsAsync(HttpClient client)
    {
        using (var opened = await client.PostAsJsonAsync("/api/incidents", new OpenIncident("Fuzz target", IncidentClass.SourceOutage, IncidentSeverity.Sev3, ["global"], null), ConsoleHost.ApiJson))
        {
            opened.EnsureSuccessStatusCode();
        }

        await ApiRequests.StartRunOkAsync(client);
        var known = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in (string[])["/api/incidents", "/api/runs", "/api/runbooks", "/api/scopes", "/api/kill-switches", "/api/rollbacks", "/api/guarded-actions/policies", "/api/releases"])
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            Collect(await client.GetFromJsonAsync<JsonElement>(list), ids);
            known[list.Split('/')[^1]] = [.. ids];
            all.UnionWith(ids);
        }

        known[string.Empty] = [.. all];
        return known;
    }

    private static void Collect(JsonElement element, HashSet<string> ids)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, ids);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && (property.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase) || property.Name is "key" or "slug" or "actionType" or "scope"))
                {
                    ids.Add(property.Value.GetString()!);
                }

                Collect(property.Value, ids);
            }
        }
    }

    private static async Task<string> Excerpt(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length <= 300 ? text : text[..300];
    }
}
