using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.PostgreSql.Common;

/// <summary>
/// One collection as a table: <c>id</c>, the record's JSON in <c>doc</c> (jsonb, the same JSON the LiteDB store keeps)
/// and the few fields a repository filters on as plain columns. <paramref name="table"/> and every column name come
/// from the repositories' constants, never from input; values always travel as parameters.
/// </summary>
internal sealed class PgDocuments(PgContext db, string table)
{
    public T? Get<T>(string id)
        where T : class => Where<T>("id = @id", ("id", id)).FirstOrDefault();

    public List<T> All<T>() => Where<T>("true");

    /// <summary>The records whose row matches <paramref name="condition"/>, e.g. <c>"scope_id = @v"</c>.</summary>
    public List<T> Where<T>(string condition, params (string Name, object? Value)[] parameters) =>
        db.Rows($"SELECT id, doc::text FROM {table} WHERE {condition}", r => JsonDocuments.Deserialize<T>(r.GetString(1), r.GetString(0)), parameters);

    /// <summary>Records in the order <paramref name="orderAndLimit"/> gives them, e.g. <c>"ORDER BY received_at DESC LIMIT @take"</c>.</summary>
    public List<T> Ordered<T>(string condition, string orderAndLimit, params (string Name, object? Value)[] parameters) =>
        Where<T>($"{condition} {orderAndLimit}", parameters);

    public int Count(string condition = "true", params (string Name, object? Value)[] parameters) =>
        (int)db.Scalar<long>($"SELECT count(*) FROM {table} WHERE {condition}", parameters);

    /// <summary>Inserts or replaces the record and its indexed columns.</summary>
    public void Upsert<T>(string id, T value, params (string Column, object? Value)[] columns) =>
        Write(id, value, columns, "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc" + string.Concat(columns.Select(c => $", {c.Column} = excluded.{c.Column}")));

    /// <summary>Inserts a new record; an existing id is an error, as it is in the LiteDB store.</summary>
    public void Insert<T>(string id, T value, params (string Column, object? Value)[] columns) => Write(id, value, columns, "");

    public int Delete(string condition, params (string Name, object? Value)[] parameters) =>
        db.Execute($"DELETE FROM {table} WHERE {condition}", parameters);

    private void Write<T>(string id, T value, (string Column, object? Value)[] columns, string onConflict)
    {
        var names = string.Join("", columns.Select(c => ", " + c.Column));
        var values = string.Join("", columns.Select(c => ", @" + c.Column));
        db.Execute(
            $"INSERT INTO {table} (id, doc{names}) VALUES (@id, CAST(@doc AS jsonb){values}) {onConflict}",
            [("id", id), ("doc", JsonDocuments.Serialize(value)), .. columns]);
    }
}
