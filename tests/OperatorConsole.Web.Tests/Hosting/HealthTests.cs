using System.Net;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Hosting;

public sealed class HealthTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task GetHealth_Anonymous_Returns200Healthy(string path)
    {
        var (client, _) = HostClients.CookieClient(host);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
