using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Testing;
using static OperatorConsole.Web.Tests.Releases.ModelCommandClient;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

/// <summary>Bad requests to /api/launches get problem+json naming what is wrong, and change nothing.</summary>
public sealed class LaunchBadInputTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Create_UnknownRelease_NotFoundProblem()
    {
        using var owner = await host.ApiClientAsync(Role.ReleaseOwner);

        using var response = await owner.PostAsJsonAsync("/api/launches", new { releaseId = "porto-no-such-version" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_Viewer_ForbiddenBeforeTheReleaseIsLookedUp()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.PostAsJsonAsync("/api/launches", new { releaseId = "porto-no-such-version" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_SecondLaunchForTheRelease_ConflictAndStillOne()
    {
        using var owner = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);
        (await SendAsync(owner, new { type = "REGISTER_MODEL", scope, metadata = new { version = "v2" } })).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/launches", new { releaseId = $"{scope}-v2" })).EnsureSuccessStatusCode();

        using var second = await owner.PostAsJsonAsync("/api/launches", new { releaseId = $"{scope}-v2" });

        await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Single(await owner.GetFromJsonAsync<List<JsonElement>>($"/api/launches?scope={scope}") ?? []);
    }

    [Fact]
    public async Task Config_Malformed_BadRequestNamingConfigAndTheStepStillPending()
    {
        using var owner = await host.ApiClientAsync(Role.ReleaseOwner);
        var id = await LaunchAsync(owner);

        using var response = await owner.PostAsync($"/api/launches/{id}/config?format=json", new StringContent("{ \"api\": ", Encoding.UTF8, "text/plain"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("config", out _));
        var view = await ConsoleHost.ReadAsync<LaunchView>(await owner.GetAsync($"/api/launches/{id}"));
        Assert.Equal((1L, LaunchStepState.Pending), (view.Launch.Version, view.Launch.Step(LaunchStepKind.ConfigVerified).State));
    }

    [Fact]
    public async Task Config_WrappedTextThatIsNotJson_BadRequestNamingConfig()
    {
        using var owner = await host.ApiClientAsync(Role.ReleaseOwner);
        var id = await LaunchAsync(owner);

        using var response = await owner.PostAsJsonAsync($"/api/launches/{id}/config", new { text = "a: [1,", format = "yaml" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("config", out _));
    }

    [Theory]
    [InlineData("Product", null, "statement")]
    [InlineData("Marketing", "Looks good.", "area")]
    public async Task SignOff_MissingStatementOrUnknownArea_BadRequestNamingTheField(string area, string? statement, string field)
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        using var owner = await host.ApiClientAsync(Role.ReleaseOwner);
        var id = await LaunchAsync(owner);

        using var response = await oncall.PostAsJsonAsync($"/api/launches/{id}/sign-offs", new { area, statement });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task SignOff_Viewer_Forbidden()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        using var owner = await host.ApiClientAsync(Role.ReleaseOwner);
        var id = await LaunchAsync(owner);

        using var response = await viewer.PostAsJsonAsync($"/api/launches/{id}/sign-offs", new { area = "Qa", statement = "Fine by me." });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        var view = await ConsoleHost.ReadAsync<LaunchView>(await owner.GetAsync($"/api/launches/{id}"));
        Assert.Empty(view.Launch.SignOffs);
    }

    private async Task<string> LaunchAsync(HttpClient owner)
    {
        var scope = await NewSlotAsync(host);
        (await SendAsync(owner, new { type = "REGISTER_MODEL", scope, metadata = new { version = "v2" } })).EnsureSuccessStatusCode();
        using var created = await owner.PostAsJsonAsync("/api/launches", new { releaseId = $"{scope}-v2" });
        created.EnsureSuccessStatusCode();
        return (await ConsoleHost.ReadAsync<LaunchView>(created)).Launch.Id;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
