using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Hosting;

public sealed class SecurityHeadersTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    public static TheoryData<string, string> Requests => new()
    {
        { "anonymous page redirect", "GET /" },
        { "login page", "GET /login" },
        { "anonymous api", "GET /api/runbooks" },
        { "health", "GET /health/live" },
        { "unknown path", "GET /no-such-thing" },
        { "api 200", "GET /api/runbooks as key" },
        { "api 400 problem", "POST /api/runbooks as key" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AnyResponse_Always_CarriesSecurityHeaders(string because, string request)
    {
        using var response = await SendAsync(request);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.True(scriptSrc.Contains("'self'", StringComparison.Ordinal), because);
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task AnyRequest_WithCorrelationId_EchoesIt()
    {
        var (client, _) = HostClients.CookieClient(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "ticket-4711.retry:2");

        using var response = await client.SendAsync(request);

        Assert.Equal("ticket-4711.retry:2", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task AnyRequest_WithoutCorrelationId_GetsAFreshOne()
    {
        var (client, _) = HostClients.CookieClient(host);

        using var first = await client.GetAsync("/health/live");
        using var second = await client.GetAsync("/health/live");

        var a = Assert.Single(first.Headers.GetValues("X-Correlation-Id"));
        var b = Assert.Single(second.Headers.GetValues("X-Correlation-Id"));
        Assert.False(string.IsNullOrWhiteSpace(a));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task AnyRequest_WithUnsafeCorrelationId_GetsAGeneratedOneInstead()
    {
        var (client, _) = HostClients.CookieClient(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");

        using var response = await client.SendAsync(request);

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.DoesNotContain("<", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemResponse_WithCorrelationId_EchoesIt()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runbooks") { Content = new ByteArrayContent([]) };
        request.Headers.Add("X-Correlation-Id", "bad-import-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-import-1", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    private async Task<HttpResponseMessage> SendAsync(string request)
    {
        var parts = request.Split(' ');
        var asKey = request.EndsWith("as key", StringComparison.Ordinal);
        var client = asKey ? await host.ApiClientAsync(Role.OnCall) : HostClients.CookieClient(host).Client;
        using var message = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        if (message.Method == HttpMethod.Post)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Empty));
        }

        return await client.SendAsync(message);
    }
}
