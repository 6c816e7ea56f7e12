using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Runbooks;

/// <summary>A hostile document imported over the API must reach the page inert: raw HTML is parsed, then sanitized.</summary>
public sealed class RenderedMarkdownTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Hostile = """
        ---
        title: Hostile markup
        priority: P3
        tags: [xss]
        ---

        # Hostile markup

        Purpose: prove that markup in a document cannot run.

        <script>alert('from-the-document')</script>

        ## Steps

        1. Look at <img src="x" onerror="alert('img')"> this picture.
        2. Follow [the guide](javascript:alert('link')) to the end.
        3. Open <a href="javascript:alert('raw')" onclick="alert('click')">this</a>.
        """;

    [Fact]
    public async Task RunbookPage_HostileImport_PrerendersNoForeignScriptHandlerOrJavascriptUrl()
    {
        var slug = await ImportHostileAsync();
        using var client = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");

        using var response = await client.GetAsync($"/runbooks/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HostClients.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Hostile markup", page.QuerySelector("[data-testid=runbook-title]")?.TextContent.Trim());
        AssertInert(page.Body!, allowOwnScripts: true);
    }

    [Fact]
    public async Task RenderedMarkdown_HostileImport_IsInertDropsTheScriptAndKeepsTheText()
    {
        var slug = await ImportHostileAsync();
        using var client = await host.ApiClientAsync(Role.Viewer);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/runbooks/{slug}");

        // The Document tab is not prerendered (only the active tab is), so render the stored source
        // with the same service the page uses.
        var html = host.Service<RunbookRenderer>().ToSafeHtml(stored.GetProperty("source").GetString()!);

        var fragment = await HostClients.ParseAsync($"<div data-testid=\"rendered-markdown\">{html}</div>");
        var container = fragment.QuerySelector("[data-testid=rendered-markdown]")!;
        AssertInert(container, allowOwnScripts: false);
        Assert.DoesNotContain("from-the-document", container.TextContent, StringComparison.Ordinal);
        Assert.Contains("the guide", container.TextContent, StringComparison.Ordinal);
    }

    private async Task<string> ImportHostileAsync()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        using var response = await ApiRequests.ImportAsync(oncall, "hostile-markup.md", Hostile);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
    }

    private static void AssertInert(IElement root, bool allowOwnScripts)
    {
        foreach (var script in root.QuerySelectorAll("script"))
        {
            Assert.True(allowOwnScripts, $"unexpected script: {script.OuterHtml}");
            var src = script.GetAttribute("src") ?? string.Empty;
            Assert.True(Uri.TryCreate(src, UriKind.Relative, out _) && !src.StartsWith("//", StringComparison.Ordinal),
                $"a script that is not the console's own: {script.OuterHtml}");
            Assert.True(string.IsNullOrWhiteSpace(script.TextContent), $"an inline script: {script.OuterHtml}");
        }

        foreach (var element in root.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler attribute: {element.OuterHtml}");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
