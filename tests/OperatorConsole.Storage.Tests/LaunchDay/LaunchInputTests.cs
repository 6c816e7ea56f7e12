using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>Bad input gets a clear refusal and changes nothing; a stored config snapshot never holds an auth key's value.</summary>
public sealed class LaunchInputTests : IAsyncLifetime
{
    private LaunchScene _scene = null!;

    private string Id => _scene.Launch.Id;

    public async Task InitializeAsync() => _scene = await LaunchScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_UnknownRelease_NotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _scene.Launches.CreateAsync(TestActors.Rita, new LaunchInput("porto-nope", null)));

        Assert.Single(_scene.Launches.List());
    }

    [Fact]
    public async Task Create_SecondLaunchForTheRelease_Conflict()
    {
        await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.CreateAsync(TestActors.Rita, new LaunchInput(LaunchScene.ReleaseId, null)));

        Assert.Single(_scene.Launches.List());
    }

    [Fact]
    public async Task Create_Viewer_AccessDeniedBeforeTheReleaseIsLookedUp()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Launches.CreateAsync(TestActors.Viewer, new LaunchInput("porto-nope", null)));
    }

    [Fact]
    public async Task SetExpectations_FetchUrlNotHttp_RefusedNamingTheField()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Launches.SetExpectationsAsync(TestActors.Rita, Id, LaunchScene.Expected with { FetchUrl = "file:///etc/passwd" }));

        Assert.Contains("expectations.fetchUrl", refused.Errors.Keys);
        Assert.Equal(_scene.Launch.Version, _scene.Launches.Get(Id).Version);
    }

    [Theory]
    [InlineData("{ \"api\": ", "json")]
    [InlineData("", null)]
    [InlineData("a: [1,\n", "yaml")]
    public async Task SubmitConfig_Malformed_RefusedOnTheConfigFieldAndNothingChanges(string text, string? format)
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Launches.SubmitConfigAsync(TestActors.Rita, Id, text, format));

        Assert.Contains("config", refused.Errors.Keys);
        var launch = _scene.Launches.Get(Id);
        Assert.Equal((_scene.Launch.Version, LaunchStepState.Pending, null), (launch.Version, launch.Step(LaunchStepKind.ConfigVerified).State, launch.ConfigSnapshot));
    }

    [Fact]
    public async Task SubmitConfig_Viewer_AccessDeniedBeforeTheConfigIsRead()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Launches.SubmitConfigAsync(TestActors.Viewer, Id, "", null));
    }

    [Fact]
    public async Task SubmitConfig_AsExpected_PassesWithTheAuthKeyOnlyAsPresenceAndFingerprint()
    {
        await _scene.SwitchAsync(drilled: false);

        var launch = await _scene.Launches.SubmitConfigAsync(TestActors.Rita, Id, LaunchScene.Config, "env");

        Assert.Equal(LaunchStepState.Passed, launch.Step(LaunchStepKind.ConfigVerified).State);
        var key = Assert.Single(launch.ConfigSnapshot!.AuthKeys);
        Assert.Equal(("AUTH_SIGNING_KEY", true), (key.Name, key.Present));
        Assert.StartsWith("sha256:", key.Sha256Fingerprint, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTH_SIGNING_KEY", launch.ConfigSnapshot.Values.Keys);
    }

#if !POSTGRESQL // LiteDB file specific: scans the data file
    [Fact]
    public async Task SubmitConfig_Stored_TheDataFileHoldsNoAuthKeyValue()
    {
        await _scene.SwitchAsync(drilled: false);
        await _scene.Launches.SubmitConfigAsync(TestActors.Rita, Id, LaunchScene.Config, "env");

        var stored = System.Text.Json.JsonSerializer.Serialize(_scene.Launches.Get(Id));
        _scene.Store.Close();
        var bytes = await File.ReadAllBytesAsync(_scene.Store.DataFile);
        _scene.Store.Open();

        Assert.DoesNotContain(LaunchScene.Secret, stored, StringComparison.Ordinal);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(LaunchScene.Secret)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(LaunchScene.Secret)));
    }
#endif
}
