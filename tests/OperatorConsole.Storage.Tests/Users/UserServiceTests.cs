using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Users;

public sealed class UserServiceTests : IDisposable
{
    private const string Password = "correct horse";
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task SignIn_RightPassword_ReturnsActorWithRoles()
    {
        await CreateBobAsync();

        var actor = await _store.Users.SignInAsync(" Bob ", Password);

        Assert.Equal(new Actor("bob", "Bob Builder", Role.OnCall | Role.Viewer), actor);
        Assert.Equal(("user.sign-in", "bob", LedgerOutcome.Allowed), Head());
    }

    [Fact]
    public async Task SignIn_WrongPassword_ReturnsNullAndRecordsDenied()
    {
        await CreateBobAsync();

        var actor = await _store.Users.SignInAsync("bob", "wrong password");

        Assert.Null(actor);
        Assert.Equal(("user.sign-in", "bob", LedgerOutcome.Denied), Head());
    }

    [Fact]
    public async Task SignIn_WrongPassword_NeverWritesThePasswordToTheLedger()
    {
        await CreateBobAsync();

        await _store.Users.SignInAsync("bob", "wrong password");

        Assert.DoesNotContain(_store.Ledger, e => e.Payload.Contains("wrong password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_DisabledUserWithRightPassword_ReturnsNull()
    {
        await CreateBobAsync();
        await _store.Store.WriteAsync(s =>
        {
            s.Users.Upsert(s.Users.Get("bob")! with { Disabled = true });
            return true;
        });

        Assert.Null(await _store.Users.SignInAsync("bob", Password));
    }

    [Fact]
    public async Task SignIn_UnknownUser_ReturnsNullAndRecordsDenied()
    {
        var actor = await _store.Users.SignInAsync("nobody", Password);

        Assert.Null(actor);
        Assert.Equal(("user.sign-in", "nobody", LedgerOutcome.Denied), Head());
    }

    [Fact]
    public async Task SignIn_NameWithControlCharacters_RecordsUnknownActor()
    {
        var actor = await _store.Users.SignInAsync("evil\nadmin", Password);

        Assert.Null(actor);
        Assert.Equal(("user.sign-in", "unknown", LedgerOutcome.Denied), Head());
    }

    [Fact]
    public async Task Create_Valid_StoresHashNotPassword()
    {
        var user = await CreateBobAsync();

        Assert.Equal(new Sha256PasswordHashing().Hash(Password), _store.Users.Find("bob")!.PasswordHash);
        Assert.DoesNotContain(_store.Ledger, e => e.Payload.Contains(Password, StringComparison.Ordinal));
        Assert.Equal("bob", user.Id);
    }

    [Theory]
    [InlineData("B", "Bob", Password)]
    [InlineData("bob smith", "Bob", Password)]
    [InlineData("bob", " ", Password)]
    [InlineData("bob", "Bob", "short")]
    public async Task Create_InvalidInput_ThrowsValidationAndStoresNothing(string userName, string displayName, string password)
    {
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Users.CreateAsync(TestActors.Admin, userName, displayName, password, Role.Viewer));

        Assert.Empty(_store.Users.List());
        Assert.Empty(_store.Ledger);
    }

    [Fact]
    public async Task Create_NoRoles_ThrowsValidation()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", Password, Role.None));
    }

    [Fact]
    public async Task Create_ExistingName_ConflictAndFirstKept()
    {
        await CreateBobAsync();

        await Assert.ThrowsAsync<ConflictException>(() => _store.Users.CreateAsync(TestActors.Admin, "BOB", "Other Bob", Password, Role.Admin));

        Assert.Equal("Bob Builder", _store.Users.Find("bob")!.DisplayName);
    }

    [Fact]
    public async Task SetRoles_Admin_ChangesRolesAndRecordsBoth()
    {
        await CreateBobAsync();

        await _store.Users.SetRolesAsync(TestActors.Admin, "bob", Role.ReleaseOwner);

        Assert.Equal(Role.ReleaseOwner, _store.Users.Find("bob")!.Roles);
        var head = _store.Audit.Head()!;
        Assert.Equal("user.set-roles", head.Action);
        Assert.Contains("ReleaseOwner", head.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRoles_AdminRemovingOwnAdmin_ThrowsValidation()
    {
        await _store.Users.CreateAsync(TestActors.Admin, "ada", "Ada Admin", Password, Role.Admin);

        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Users.SetRolesAsync(TestActors.Admin, "ada", Role.Viewer));

        Assert.Equal(Role.Admin, _store.Users.Find("ada")!.Roles);
    }

    [Fact]
    public async Task SetRoles_UnknownUser_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _store.Users.SetRolesAsync(TestActors.Admin, "ghost", Role.Viewer));
    }

    private Task<Core.Users.User> CreateBobAsync() =>
        _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob Builder", Password, Role.OnCall | Role.Viewer);

    private (string Action, string Actor, string Outcome) Head()
    {
        var head = _store.Audit.Head()!;
        return (head.Action, head.Actor, head.Outcome);
    }
}
