using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>Reads an API answer as the test expects it: a success with its body, or a problem+json with its status.</summary>
public static class ApiAnswers
{
    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await ConsoleHost.ReadAsync<T>(response);
        }
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
