using System.Text.Json;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.LaunchDay.Config;

namespace OperatorConsole.Core.Tests.LaunchDay.Config;

public sealed class ConfigVerifierTests
{
    private const string ApiKey = "bk_live_9f8e7d6c5b4a39281706";
    private const string DbPassword = "correct horse battery staple";
    private static readonly DateTimeOffset TakenAt = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly ConfigExpectations Expected = new()
    {
        Endpoints = new Dictionary<string, string> { ["api.endpoint"] = "https://api.binkindly.example/v2/" },
        Flags = new Dictionary<string, string> { ["flags.offline_mode"] = "False", ["flags.region"] = "porto" },
        RequiredAuthKeys = ["auth.api_key"],
    };

    private static readonly KillSwitch[] Switches = [Switch("bad_pack", "porto", defaultOn: false), Switch("pause-publish", KillSwitch.GlobalScope, defaultOn: true)];

    private static readonly string GoodYaml = $"""
        api:
          endpoint: https://api.binkindly.example/v2
        flags:
          offline_mode: false
          region: porto
        auth:
          api_key: "{ApiKey}"
        db:
          password: "{DbPassword}"
        kill_switches:
          bad_pack: false
          pause_publish: true

        """;

    [Fact]
    public void Verify_ConfigMatchingEverything_PassesEveryCheck()
    {
        var result = Verify(GoodYaml);

        Assert.True(result.Passed, string.Join(" | ", result.Checks.Where(c => !c.Passed).Select(c => c.Detail)));
        Assert.Equal(6, result.Checks.Count);
    }

    [Fact]
    public void Verify_Any_StoresNoSecretValueAnywhereInSnapshotOrChecks()
    {
        var result = Verify(GoodYaml);

        var serialized = JsonSerializer.Serialize(result.Snapshot) + JsonSerializer.Serialize(result.Checks);
        Assert.DoesNotContain(ApiKey, serialized, StringComparison.Ordinal);
        Assert.DoesNotContain(DbPassword, serialized, StringComparison.Ordinal);
        Assert.False(result.Snapshot.Values.ContainsKey("auth.api_key"));
        Assert.False(result.Snapshot.Values.ContainsKey("db.password"));
        Assert.Equal("https://api.binkindly.example/v2", result.Snapshot.Values["api.endpoint"]);
    }

    [Fact]
    public void Verify_SecretKeys_KeptAsPresenceAndSha256Fingerprint()
    {
        var result = Verify(GoodYaml);

        var apiKey = Assert.Single(result.Snapshot.AuthKeys, k => k.Name == "auth.api_key");
        var password = Assert.Single(result.Snapshot.AuthKeys, k => k.Name == "db.password");
        Assert.True(apiKey.Present);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))), apiKey.Sha256Fingerprint);
        Assert.True(password.Present);
        Assert.Equal(("yaml", "upload", "Rita Release"), (result.Snapshot.Format, result.Snapshot.Source, result.Snapshot.TakenBy));
    }

    [Fact]
    public void Verify_RequiredAuthKeyMissingOrEmpty_FailsThatCheckAndRecordsItAbsent()
    {
        var result = Verify(GoodYaml.Replace($"api_key: \"{ApiKey}\"", "api_key: \"\"", StringComparison.Ordinal));

        var check = Assert.Single(result.Checks, c => c.Name == "Auth key auth.api_key");
        Assert.False(check.Passed);
        Assert.Equal(new AuthKeyPresence("auth.api_key", false, null), Assert.Single(result.Snapshot.AuthKeys, k => k.Name == "auth.api_key"));
    }

    [Fact]
    public void Verify_SecretLookingKeyAsExpectedFlag_DetailHidesTheValue()
    {
        var expected = Expected with { Flags = new Dictionary<string, string> { ["db.password"] = "something else" } };

        var check = Assert.Single(Verify(GoodYaml, expected).Checks, c => c.Name == "Flag db.password");

        Assert.False(check.Passed);
        Assert.DoesNotContain(DbPassword, check.Detail, StringComparison.Ordinal);
        Assert.Contains(ConfigSecrets.Hidden, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EndpointDiffering_FailsNamingBothValues()
    {
        var check = Assert.Single(Verify(GoodYaml.Replace("/v2", "/v1", StringComparison.Ordinal)).Checks, c => c.Name == "Endpoint api.endpoint");

        Assert.False(check.Passed);
        Assert.Equal("api.endpoint is 'https://api.binkindly.example/v1'; expected 'https://api.binkindly.example/v2/'.", check.Detail);
    }

    [Fact]
    public void Verify_FlagBooleanInOtherCase_Passes()
    {
        Assert.True(Assert.Single(Verify(GoodYaml).Checks, c => c.Name == "Flag flags.offline_mode").Passed);
    }

    [Fact]
    public void Verify_FlagTextDiffering_Fails()
    {
        Assert.False(Assert.Single(Verify(GoodYaml.Replace("region: porto", "region: Porto", StringComparison.Ordinal)).Checks, c => c.Name == "Flag flags.region").Passed);
    }

    [Fact]
    public void Verify_KillSwitchDefaultDiffersFromConsole_FailsNamingBoth()
    {
        var check = Assert.Single(Verify(GoodYaml.Replace("bad_pack: false", "bad_pack: true", StringComparison.Ordinal)).Checks, c => c.Name == "Kill-switch default bad_pack");

        Assert.False(check.Passed);
        Assert.Equal("kill_switches.bad_pack defaults on but the console's bad_pack@porto defaults off.", check.Detail);
    }

    [Fact]
    public void Verify_ConsoleSwitchWithoutDefaultInConfig_Fails()
    {
        var check = Assert.Single(Verify(GoodYaml.Replace("  pause_publish: true\n", "", StringComparison.Ordinal)).Checks, c => c.Name == "Kill-switch default pause-publish");

        Assert.False(check.Passed);
        Assert.Contains("sets no default", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ConfigSwitchTheConsoleDoesNotKnow_Fails()
    {
        var check = Assert.Single(Verify(GoodYaml + "  surprise_mode: false\n").Checks, c => c.Name == "Kill-switch default surprise_mode");

        Assert.False(check.Passed);
        Assert.Contains("does not know", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EnvConfigWithUpperCasePrefix_MatchesSwitchesIgnoringCaseAndDashes()
    {
        var expected = Expected with
        {
            Endpoints = new Dictionary<string, string> { ["API_ENDPOINT"] = "https://api.binkindly.example/v2" },
            Flags = new Dictionary<string, string>(),
            RequiredAuthKeys = ["API_KEY"],
            KillSwitchPrefix = "KILL_SWITCH_",
        };
        var env = $"API_ENDPOINT=https://api.binkindly.example/v2\nAPI_KEY={ApiKey}\nKILL_SWITCH_BAD_PACK=off\nKILL_SWITCH_PAUSE_PUBLISH=on\n";

        var result = Verify(env, expected);

        Assert.True(result.Passed, string.Join(" | ", result.Checks.Where(c => !c.Passed).Select(c => c.Detail)));
    }

    [Fact]
    public void Verify_NoExpectationsHeld_FailsSayingToSetThem()
    {
        var result = Verify(GoodYaml, new ConfigExpectations());

        Assert.False(Assert.Single(result.Checks, c => c.Name == "Expected values").Passed);
    }

    [Fact]
    public void Verify_PrivateKeyBlockUnderInnocentKey_KeptOutOfValues()
    {
        var result = Verify(GoodYaml + "tls:\n  pem: \"-----BEGIN PRIVATE KEY-----abc\"\n");

        Assert.False(result.Snapshot.Values.ContainsKey("tls.pem"));
        Assert.Contains(result.Snapshot.AuthKeys, k => k.Name == "tls.pem" && k.Present);
    }

    [Theory]
    [InlineData("api.key", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("authToken", true)]
    [InlineData("oauth.client-secret", true)]
    [InlineData("signing.private_pem", true)]
    [InlineData("monkey.count", false)]
    [InlineData("keyboard_layout", false)]
    [InlineData("api.endpoint", false)]
    public void IsSecretKey_Name_JudgedByItsWords(string key, bool secret)
    {
        Assert.Equal(secret, ConfigSecrets.IsSecretKey(key));
    }

    private static ConfigVerification Verify(string text, ConfigExpectations? expected = null) =>
        ConfigVerifier.Verify(ConfigSnapshotParser.Parse(text, null), expected ?? Expected, Switches, "upload", TakenAt, "Rita Release");

    private static KillSwitch Switch(string key, string scope, bool defaultOn) => new()
    {
        Key = key, Scope = scope, Description = key, DefaultOn = defaultOn, On = defaultOn, Version = 1,
    };
}
