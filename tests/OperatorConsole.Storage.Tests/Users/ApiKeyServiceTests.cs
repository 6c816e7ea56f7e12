using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Users;

public sealed class ApiKeyServiceTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Create_Admin_ReturnsKeyInDocumentedShape()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, " deployer ", Role.ReleaseOwner);

        Assert.Matches("^oc_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.StartsWith($"oc_{created.Key.Id}_", created.Secret, StringComparison.Ordinal);
        Assert.Equal("deployer", created.Key.Name);
    }

    [Fact]
    public async Task Create_Admin_StoresOnlyTheSha256OfTheSecret()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner);
        var secret = created.Secret[$"oc_{created.Key.Id}_".Length..];

        var stored = Assert.Single(_store.ApiKeys.List());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(expected, stored.SecretHash);
        Assert.DoesNotContain(_store.Ledger, e => e.Payload.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authenticate_ValidKey_ReturnsActorWithKeyRoles()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner);

        var actor = _store.ApiKeys.Authenticate(created.Secret);

        Assert.Equal(new Actor($"apikey:{created.Key.Id}", "API key 'deployer'", Role.ReleaseOwner), actor);
    }

    [Fact]
    public async Task Authenticate_WrongSecret_ReturnsNull()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner);

        Assert.Null(_store.ApiKeys.Authenticate($"oc_{created.Key.Id}_{new string('A', 43)}"));
    }

    [Fact]
    public async Task Authenticate_RevokedKey_ReturnsNull()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner);

        await _store.ApiKeys.RevokeAsync(TestActors.Admin, created.Key.Id);

        Assert.Null(_store.ApiKeys.Authenticate(created.Secret));
    }

    [Fact]
    public async Task Authenticate_RecordEditedWithoutTheLedgerAfterAnAcceptedUse_ReturnsNull()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.Viewer);
        Assert.NotNull(_store.ApiKeys.Authenticate(created.Secret));

        await _store.Store.WriteAsync(s =>
        {
            s.ApiKeys.Upsert(s.ApiKeys.Get(created.Key.Id)! with { Roles = Role.Admin });
            return true;
        });

        Assert.Null(_store.ApiKeys.Authenticate(created.Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer xyz")]
    [InlineData("oc_")]
    [InlineData("oc_abcdef")]
    [InlineData("oc__")]
    [InlineData("oc_unknownid_secret")]
    public async Task Authenticate_Malformed_ReturnsNull(string? presented)
    {
        await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner);

        Assert.Null(_store.ApiKeys.Authenticate(presented));
    }

    [Fact]
    public async Task Revoke_UnknownKey_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _store.ApiKeys.RevokeAsync(TestActors.Admin, "nope"));
    }

    [Fact]
    public async Task Revoke_Viewer_DeniedAndKeyStillWorks()
    {
        var created = await _store.ApiKeys.CreateAsync(TestActors.Admin, "deployer", Role.ReleaseOwner);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.ApiKeys.RevokeAsync(TestActors.Viewer, created.Key.Id));

        Assert.NotNull(_store.ApiKeys.Authenticate(created.Secret));
    }

    [Theory]
    [InlineData("", Role.Viewer)]
    [InlineData("deployer", Role.None)]
    public async Task Create_InvalidInput_ThrowsValidationAndStoresNothing(string name, Role roles)
    {
        await Assert.ThrowsAsync<DomainValidationException>(() => _store.ApiKeys.CreateAsync(TestActors.Admin, name, roles));

        Assert.Empty(_store.ApiKeys.List());
    }
}
