using OperatorConsole.Core.Common;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Sessions;

public sealed class SessionServiceTests : IDisposable
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store;

    public SessionServiceTests() => _store = new TestStore(_clock);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Current_LiveSession_TheUserAsStoredNow()
    {
        var bob = await CreateBobAsync();
        var session = await _store.Sessions.StartAsync(bob, "127.0.0.1");

        Assert.Equal(bob, _store.Sessions.Current(bob, session.Id));
    }

    [Fact]
    public async Task Current_AfterSignOut_Null()
    {
        var bob = await CreateBobAsync();
        var session = await _store.Sessions.StartAsync(bob, "127.0.0.1");

        await _store.Sessions.EndAsync(bob, session.Id);

        Assert.Null(_store.Sessions.Current(bob, session.Id));
    }

    [Fact]
    public async Task Current_SessionOfAnotherUser_Null()
    {
        var bob = await CreateBobAsync();
        var session = await _store.Sessions.StartAsync(TestActors.Admin, "127.0.0.1");

        Assert.Null(_store.Sessions.Current(bob, session.Id));
    }

    [Fact]
    public async Task Current_PastTheLifetime_Null()
    {
        var bob = await CreateBobAsync();
        var session = await _store.Sessions.StartAsync(bob, "127.0.0.1");

        _clock.Now += SessionService.Lifetime;

        Assert.Null(_store.Sessions.Current(bob, session.Id));
    }

    [Fact]
    public async Task Current_RolesChangedSince_TheNewRoles()
    {
        var bob = await CreateBobAsync();
        var session = await _store.Sessions.StartAsync(bob, "127.0.0.1");

        await _store.Users.SetRolesAsync(TestActors.Admin, "bob", Role.Viewer);

        Assert.Equal(Role.Viewer, _store.Sessions.Current(bob, session.Id)?.Roles);
    }

    [Fact]
    public async Task Current_RevokedKey_Null()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "svc", Role.Viewer);
        var actor = created.Key.ToActor();
        Assert.NotNull(_store.Sessions.Current(actor, null));

        await _store.ApiKeys.RevokeAsync(TestActors.Admin, created.Key.Id);

        Assert.Null(_store.Sessions.Current(actor, null));
    }

    private async Task<Actor> CreateBobAsync() =>
        (await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob Builder", "correct horse", Role.OnCall)).ToActor();
}
