namespace OperatorConsole.Core.Users;

public interface IUserRepository
{
    User? Get(string id);

    IReadOnlyList<User> All();

    void Upsert(User user);
}

public interface IApiKeyRepository
{
    ApiKey? Get(string id);

    IReadOnlyList<ApiKey> All();

    void Upsert(ApiKey key);
}
