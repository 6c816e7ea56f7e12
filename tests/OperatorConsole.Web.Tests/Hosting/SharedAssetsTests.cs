using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Hosting;

/// <summary>
/// The files of the repository's wwwroot-assets/ folder are served whole, under the fingerprinted URLs the pages
/// link to: linked static assets were once served as 0 bytes (dotnet/aspnetcore#66833), unnoticed by every page test.
/// </summary>
public sealed class SharedAssetsTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData("css/app.css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("_framework/blazor.web.js")]
    public async Task LinkedAsset_FingerprintedUrl_CachedForAYearWithoutRevalidating(string path)
    {
        var (client, _) = HostClients.CookieClient(host);
        var url = await LinkedUrlAsync(client, path);
        Assert.NotEqual(path, url);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    // MudBlazor's stylesheet and script come from its package, whose compressed copies the SDK gave only the plain
    // route (see PackageAssetCompression.targets): a first visit downloaded 627 KB of stylesheet instead of 67 KB.
    [Theory]
    [InlineData("css/app.css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("_framework/blazor.web.js")]
    public async Task LinkedAsset_FingerprintedUrlAskedForGzip_ServedCompressedWithTheSameContent(string path)
    {
        var (client, _) = HostClients.CookieClient(host);
        var url = await LinkedUrlAsync(client, path);
        Assert.NotEqual(path, url);
        var identity = await client.GetByteArrayAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < identity.Length / 2, $"{compressed.Length} of {identity.Length} bytes");
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var content = new MemoryStream();
        await gzip.CopyToAsync(content);
        Assert.Equal(identity, content.ToArray());
    }

    [Theory]
    [InlineData("css/app.css")]
    [InlineData("js/clipboard.js")]
    [InlineData("icons/console.svg")]
    public async Task SharedAsset_AsLinkedFromThePage_ServedWithTheRepositoryBytes(string path)
    {
        var (client, _) = HostClients.CookieClient(host);
        var url = await LinkedUrlAsync(client, path);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryFiles.Root(), "wwwroot-assets", path)), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The URL the login page links <paramref name="path"/> by (fingerprinted), or the path itself when it is not linked.</summary>
    private static async Task<string> LinkedUrlAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync("/login");
        var name = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        var linked = Regex.Match(page, $"{Regex.Escape(Path.GetDirectoryName(path)!)}/{Regex.Escape(name)}(\\.[a-z0-9]+)?{Regex.Escape(extension)}");
        return linked.Success ? linked.Value : path;
    }
}
