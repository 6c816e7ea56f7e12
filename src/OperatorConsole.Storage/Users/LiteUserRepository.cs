using LiteDB;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Users;

internal sealed class LiteUserRepository(ILiteDatabase db, bool writable) : IUserRepository
{
    private readonly ILiteCollection<BsonDocument> _collection = db.GetCollection(LiteSchema.Users);

    public User? Get(string id)
    {
        var doc = _collection.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<User>(doc);
    }

    public IReadOnlyList<User> All() => [.. _collection.FindAll().Select(JsonDocuments.Unwrap<User>).OrderBy(u => u.Id)];

    public void Upsert(User user)
    {
        LiteSession.EnsureWritable(writable);
        _collection.Upsert(JsonDocuments.Wrap(user.Id, user));
    }
}

internal sealed class LiteApiKeyRepository(ILiteDatabase db, bool writable) : IApiKeyRepository
{
    private readonly ILiteCollection<BsonDocument> _collection = db.GetCollection(LiteSchema.ApiKeys);

    public ApiKey? Get(string id)
    {
        var doc = _collection.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<ApiKey>(doc);
    }

    public IReadOnlyList<ApiKey> All() => [.. _collection.FindAll().Select(JsonDocuments.Unwrap<ApiKey>).OrderBy(k => k.CreatedAt)];

    public void Upsert(ApiKey key)
    {
        LiteSession.EnsureWritable(writable);
        _collection.Upsert(JsonDocuments.Wrap(key.Id, key));
    }
}
