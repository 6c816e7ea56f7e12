using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runbooks;

/// <summary>The importer's limits over the real API: refused with a 400 naming the body, or imported with a warning.</summary>
public sealed class RunbookImportLimitsTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "deep-lists.md", "# Deep\n\n" + string.Concat(Enumerable.Repeat("- ", 200)) + "x\n", "nested too deeply" },
        { "deep-quotes.md", "# Deep\n\n" + string.Concat(Enumerable.Repeat("> ", 5000)) + "x\n", "nested too deeply" },
        { "one-line.md", "# Dump\n\n" + new string('a', 1024 * 1024) + "\n", "Line 3 is 1,048,576 characters long" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ImportRunbook_PastTheParsersLimits_Returns400NamingTheBodyAndStoresNothing(string fileName, string markdown, string says)
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var before = await CountAsync(client);

        using var response = await ApiRequests.ImportAsync(client, fileName, markdown);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(says, problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task ImportRunbook_TitleOver200Characters_IsStoredCutWithTheWarningInTheAnswer()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        using var response = await ApiRequests.ImportAsync(client, "long-title.md", $"# {new string('t', 300)}\n\n- Check it\n");

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("cut to 200", answer.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/runbooks/{answer.GetProperty("slug").GetString()}");
        Assert.Equal(200, stored.GetProperty("title").GetString()!.Length);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/runbooks")).GetProperty("total").GetInt32();
}
