using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.PostgreSql.Common;

/// <summary>One record kept as a single row of the meta table, with the value it stands for while absent.</summary>
internal sealed class PgMeta<T>(PgContext db, string id, T absent)
{
    public T Get()
    {
        var rows = db.Rows("SELECT doc::text FROM meta WHERE id = @id", r => r.GetString(0), ("id", id));
        return rows.Count == 0 ? absent : JsonDocuments.Deserialize<T>(rows[0], id);
    }

    public void Save(T value) =>
        db.Execute(
            "INSERT INTO meta (id, doc) VALUES (@id, CAST(@doc AS jsonb)) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            ("id", id), ("doc", JsonDocuments.Serialize(value)));
}
