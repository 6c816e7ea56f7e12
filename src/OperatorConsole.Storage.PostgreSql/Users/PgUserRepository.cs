using OperatorConsole.Core.Users;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Users;

internal sealed class PgUserRepository(PgContext db) : IUserRepository
{
    private readonly PgDocuments _users = new(db, "users");

    public User? Get(string id) => _users.Get<User>(id);

    public IReadOnlyList<User> All() => [.. _users.All<User>().OrderBy(u => u.Id)];

    public void Upsert(User user) => _users.Upsert(user.Id, user);
}

internal sealed class PgApiKeyRepository(PgContext db) : IApiKeyRepository
{
    private readonly PgDocuments _keys = new(db, "api_keys");

    public ApiKey? Get(string id) => _keys.Get<ApiKey>(id);

    public IReadOnlyList<ApiKey> All() => [.. _keys.All<ApiKey>().OrderBy(k => k.CreatedAt)];

    public void Upsert(ApiKey key) => _keys.Upsert(key.Id, key);
}
