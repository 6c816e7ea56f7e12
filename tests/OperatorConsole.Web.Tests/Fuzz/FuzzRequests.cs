using System.Net.Http.Headers;
using System.Text;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Fuzz;

/// <summary>
/// Random, malformed, truncated, oversized and wrong-typed requests for one endpoint: a body shaped like the type it
/// binds (or, for endpoints that read the body themselves, JSON, Markdown, bytes and multipart), then now and then
/// broken on purpose, sent with a right or wrong media type.
/// </summary>
public sealed class FuzzRequests(FuzzJson json, IReadOnlyDictionary<string, List<string>> knownIds, IReadOnlyList<string> commandTypes)
{
    private static readonly string[] CommandFields =
        ["type", "operator_id", "reason", "scope", "incident_id", "confirmation_token", "version", "artifact_url", "changelog", "sbom", "metadata", "metrics", "ratio", "cycles", "shadow_target"];

    // No NUL: Kestrel refuses a path with %00 itself, before the app can answer (see ClientInputTests).
    private static readonly string[] JunkIds = ["x", "..", "%2e%2e", " ", "\u0001", "\ud800", "INC-99999", new string('a', 3000), "😀"];

    private Random Random => json.Random;

    public HttpRequestMessage Create(ApiEndpoint endpoint)
    {
        var path = endpoint.PathWith(name => Random.Next(4) == 0 ? json.Pick(JunkIds) : json.Pick(IdsFor(endpoint.SegmentBefore(name))));
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        var (body, mediaType) = Body(endpoint);
        body = Random.Next(4) == 0 ? Break(body) : body;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Random.Next(12) switch
        {
            0 => null,
            1 => new MediaTypeHeaderValue("text/plain"),
            2 => MediaTypeHeaderValue.Parse("multipart/form-data"),
            _ => MediaTypeHeaderValue.Parse(mediaType),
        };
        request.Content = content;
        return request;
    }

    /// <summary>Ids listed under the segment (an incident id after "incidents"), else any id known.</summary>
    private List<string> IdsFor(string? segment) =>
        segment is not null && knownIds.TryGetValue(segment, out var ids) && ids.Count > 0 && Random.Next(5) > 0 ? ids : knownIds[string.Empty];

    private (byte[] Body, string MediaType) Body(ApiEndpoint endpoint)
    {
        if (endpoint.BodyType is not null)
        {
            return (Utf8(FuzzJson.Write(json.Shaped(endpoint.BodyType))), "application/json");
        }

        if (endpoint.Route.EndsWith("/commands", StringComparison.Ordinal))
        {
            var command = json.Object(CommandFields);
            command.Insert(0, new("type", Random.Next(6) == 0 ? json.Text() : json.Pick(commandTypes)));
            return (Utf8(FuzzJson.Write(command)), "application/json");
        }

        return Random.Next(6) switch
        {
            0 => (Utf8(Markdown()), "text/markdown"),
            1 => (json.Bytes(Random.Next(0, 4096)), "application/octet-stream"),
            2 => Multipart(),
            _ => (Utf8(FuzzJson.Write(json.Any())), "application/json"),
        };
    }

    /// <summary>A small runbook, or one nested past the Markdown parser's depth (the importer has its own fuzz suite in Core).</summary>
    private string Markdown() => Random.Next(3) switch
    {
        0 => string.Concat(Enumerable.Repeat("> ", Random.Next(100, 2000))) + json.Text(),
        1 => string.Concat(Enumerable.Range(0, Random.Next(50, 300)).Select(i => new string(' ', i * 2) + "- item\n")),
        _ => $"# {json.Text()}\n\n1. {json.Text()}\n- [ ] {json.Text()}\n",
    };

    /// <summary>A "file" part, sometimes under another name, sometimes cut off before its closing boundary.</summary>
    private (byte[], string) Multipart()
    {
        const string boundary = "fuzz-boundary";
        var field = Random.Next(4) == 0 ? "other" : "file";
        var text = $"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{json.Text()}\"\r\nContent-Type: text/plain\r\n\r\n{json.Text()}\r\n--{boundary}--\r\n";
        var bytes = Utf8(text);
        if (Random.Next(2) == 0)
        {
            bytes = bytes[..Random.Next(bytes.Length)];
        }

        return (bytes, Random.Next(3) == 0 ? "multipart/form-data" : $"multipart/form-data; boundary={boundary}");
    }

    /// <summary>Truncated, invalid UTF-8, nested past any parser's depth, or empty.</summary>
    private byte[] Break(byte[] body) => Random.Next(5) switch
    {
        0 => body[..Random.Next(body.Length + 1)],
        1 => [.. body.Take(body.Length / 2), 0xC3, 0x28, 0xFF, .. body.Skip(body.Length / 2)],
        2 => Utf8(string.Concat(Enumerable.Repeat("{\"a\":[", 600)) + "1"),
        3 => Utf8(string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000))),
        _ => [],
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
