using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>Step 5: three sign-offs by three people, then the sealed bundle and the completion in one write.</summary>
public sealed class LaunchArchiveTests : IAsyncLifetime
{
    private LaunchScene _scene = null!;

    private string Id => _scene.Launch.Id;

    public async Task InitializeAsync()
    {
        _scene = await LaunchScene.CreateAsync();
        await _scene.AssignDutiesAsync();
        await _scene.ReadyForSignOffAsync();
        await _scene.Launches.SignOffAsync(TestActors.Omar, Id, SignOffArea.Product, "Product: go.");
        await _scene.Launches.SignOffAsync(TestActors.Olga, Id, SignOffArea.Engineering, "Engineering: go.");
    }

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Archive_TwoSignOffs_RefusedAndNotComplete()
    {
        var refused = await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.ArchiveAsync(TestActors.Rita, Id));

        Assert.Contains("missing: Qa", refused.Message, StringComparison.Ordinal);
        Assert.False(_scene.Launches.Get(Id).IsComplete);
    }

    [Fact]
    public async Task Archive_ThreeSignOffsByThreePeople_CompletesWithLedgerAndLiveEvent()
    {
        await _scene.Launches.SignOffAsync(TestActors.Ines, Id, SignOffArea.Qa, "QA: go.");
        using var everyone = _scene.Store.Broadcaster.Subscribe(Topics.Launches);

        var archive = await _scene.Launches.ArchiveAsync(TestActors.Rita, Id);

        var launch = archive.Launch;
        var release = _scene.Store.Scopes.Manifest(LaunchScene.ReleaseId);
        Assert.True(launch.IsComplete);
        Assert.Equal(release.PackChecksum, launch.BuildChecksum);
        Assert.Equal(archive.Bundle.IntegrityHash, launch.BundleHash);
        Assert.Equal(LaunchStepState.Passed, launch.Step(LaunchStepKind.EvidenceArchived).State);
        Assert.Equal([LaunchBundle.ArchiveAction, LaunchActions.Completed], _scene.Store.Ledger.TakeLast(2).Select(e => e.Action));
        var kinds = new List<string>();
        while (everyone.Reader.TryRead(out var e))
        {
            kinds.Add(e.Kind);
        }

        Assert.Contains(LaunchActions.Completed, kinds);
    }

    [Fact]
    public async Task Archive_Completed_BundleVerifiesAndIsHandedOutUnchanged()
    {
        await _scene.Launches.SignOffAsync(TestActors.Ines, Id, SignOffArea.Qa, "QA: go.");
        var archive = await _scene.Launches.ArchiveAsync(TestActors.Rita, Id);

        var verification = _scene.Store.Evidence.Verify(archive.Bundle.Json);

        Assert.True(verification.Valid, verification.Summary + string.Join(" ", verification.Problems));
        Assert.Equal(archive.Bundle.Json, _scene.Launches.Bundle(Id).Json);
    }

    [Fact]
    public async Task Archive_SignOffEditedInTheBundle_ReportedAsTampered()
    {
        await _scene.Launches.SignOffAsync(TestActors.Ines, Id, SignOffArea.Qa, "QA: go.");
        var archive = await _scene.Launches.ArchiveAsync(TestActors.Rita, Id);

        var verification = _scene.Store.Evidence.Verify(archive.Bundle.Json.Replace("QA: go.", "QA: no-go.", StringComparison.Ordinal));

        Assert.False(verification.Valid);
    }

    [Fact]
    public async Task Archive_AfterCompletion_StepsAndSignOffsRefused()
    {
        await _scene.Launches.SignOffAsync(TestActors.Ines, Id, SignOffArea.Qa, "QA: go.");
        await _scene.Launches.ArchiveAsync(TestActors.Rita, Id);

        await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.RunProductionProbesAsync(TestActors.Rita, Id));
        await Assert.ThrowsAsync<ConflictException>(() => _scene.Launches.ArchiveAsync(TestActors.Rita, Id));
    }
}
