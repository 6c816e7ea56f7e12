using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Api;

public sealed class BadInputTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task ImportRunbook_EmptyBody_Returns400ProblemSayingEmpty()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var before = await CountRunbooksAsync(client);

        using var response = await ApiRequests.ImportAsync(client, "empty.md", []);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "The document is empty.");
        Assert.Equal(before, await CountRunbooksAsync(client));
    }

    [Fact]
    public async Task ImportRunbook_BinaryBytes_Returns400ProblemSayingBinary()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var before = await CountRunbooksAsync(client);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01];

        using var response = await ApiRequests.ImportAsync(client, "picture.md", png);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "looks binary");
        Assert.Equal(before, await CountRunbooksAsync(client));
    }

    [Fact]
    public async Task CheckStep_UnknownStep_Returns404Problem()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var run = await ApiRequests.StartRunOkAsync(client);

        using var response = await ApiRequests.CheckStepAsync(client, run.Id, "no-such-step");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "no-such-step");
    }

    [Fact]
    public async Task CheckStep_UnknownRun_Returns404Problem()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        using var response = await ApiRequests.CheckStepAsync(client, "nosuchrun", "s1");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "nosuchrun");
    }

    [Fact]
    public async Task CheckStep_Twice_Returns409NamingFirstChecker()
    {
        using var first = await host.ApiClientAsync(Role.OnCall);
        using var second = await host.ApiClientAsync(Role.OnCall);
        var firstName = (await first.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("displayName").GetString()!;
        var run = await ApiRequests.StartRunOkAsync(first);
        var step = run.Steps[0].StepId;
        using (var ok = await ApiRequests.CheckStepAsync(first, run.Id, step))
        {
            ok.EnsureSuccessStatusCode();
        }

        using var response = await ApiRequests.CheckStepAsync(second, run.Id, step);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, $"already checked by {firstName}");
    }

    private static async Task<int> CountRunbooksAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/runbooks")).GetProperty("total").GetInt32();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
