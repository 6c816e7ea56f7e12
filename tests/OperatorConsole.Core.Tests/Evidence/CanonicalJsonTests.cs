using System.Text.Json.Nodes;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Core.Tests.Evidence;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Write_UnsortedNestedObject_SortsKeysOrdinallyWithoutWhitespace()
    {
        var node = JsonNode.Parse("""{ "b": 1, "a": { "y": null, "x": true, "Z": false } }""");

        Assert.Equal("""{"a":{"Z":false,"x":true,"y":null},"b":1}""", CanonicalJson.Write(node));
    }

    [Fact]
    public void Write_NestedArrays_KeepsOrderAndEmptyArrays()
    {
        var node = JsonNode.Parse("""[3, [2, [], [1, {"b": [], "a": {}}]]]""");

        Assert.Equal("""[3,[2,[],[1,{"a":{},"b":[]}]]]""", CanonicalJson.Write(node));
    }

    [Fact]
    public void Write_NonAsciiAndControlCharacters_EscapesLikePythonEnsureAscii()
    {
        var node = new JsonObject { ["s"] = "é😀\n\t\"\\\u007f<\u0001/" };

        Assert.Equal("""{"s":"\u00e9\ud83d\ude00\n\t\"\\\u007f<\u0001/"}""", CanonicalJson.Write(node));
    }

    [Fact]
    public void Write_AstralAndPrivateUseKeys_SortsByCodePointAsPythonDoes()
    {
        var node = new JsonObject { ["\ue000"] = 1, ["😀"] = 2, ["a"] = 3 };

        Assert.Equal("""{"a":3,"\ue000":1,"\ud83d\ude00":2}""", CanonicalJson.Write(node));
    }

    [Fact]
    public void Write_FloatingPointNumber_IsRefused()
    {
        var node = JsonNode.Parse("""{"x": 1.5}""");

        Assert.Throws<FormatException>(() => CanonicalJson.Write(node));
    }

    [Fact]
    public void Sha256_SmallObject_MatchesHashComputedIndependentlyWithPython()
    {
        // python3: json.dumps(o, sort_keys=True, separators=(",", ":")) then hashlib.sha256(s.encode()).hexdigest()
        var node = new JsonObject
        {
            ["b"] = new JsonArray(1, "é", new JsonArray(2, new JsonArray())),
            ["a"] = new JsonObject { ["y"] = null, ["x"] = true, ["Z"] = false },
            ["emoji"] = "😀\n\t\"\\\u007f<",
        };

        Assert.Equal("8c5a4ba73a1a20057fbe28fa7bbc55d53aa46f0ea8e3bcadda1b48c0cd104417", CanonicalJson.Sha256(node));
    }
}
