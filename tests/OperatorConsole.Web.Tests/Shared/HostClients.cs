using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>Browser-like HTTP clients for the host tests: their own cookie jar, redirects under the test's control.</summary>
public static class HostClients
{
    public const string AuthCookie = "OperatorConsole.Auth";

    public static (HttpClient Client, CookieContainer Cookies) CookieClient(ConsoleHost host, bool followRedirects = false)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = followRedirects };
        return (new HttpClient(handler) { BaseAddress = host.BaseAddress }, cookies);
    }

    /// <summary>GET /login and fill the real form: every hidden field it renders plus the two credential inputs.</summary>
    public static async Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string userName, string password)
    {
        var page = await ParseAsync(await client.GetStringAsync("/login"));
        var form = page.Forms.Single(f => f.QuerySelector("#username") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .ToList();
        fields.Add(KeyValuePair.Create(((IHtmlInputElement)page.QuerySelector("#username")!).Name!, userName));
        fields.Add(KeyValuePair.Create(((IHtmlInputElement)page.QuerySelector("#password")!).Name!, password));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? "/login" : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A cookie client signed in through the login form; throws when the sign-in did not set the auth cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(ConsoleHost host, string userName, string password, bool followRedirects = false)
    {
        var (client, cookies) = CookieClient(host, followRedirects);
        using var response = await PostLoginFormAsync(client, userName, password);
        if (cookies.GetCookies(host.BaseAddress)[AuthCookie] is null)
        {
            throw new InvalidOperationException($"Signing in as {userName} set no auth cookie (status {(int)response.StatusCode}).");
        }

        return client;
    }

    public static async Task<IHtmlDocument> ParseAsync(string html) =>
        await new HtmlParser().ParseDocumentAsync(html);
}
