using System.Net.Sockets;
using Npgsql;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.PostgreSql.Common;

/// <summary>
/// Turns a server that cannot be reached or refuses the console into <see cref="StoreUnavailableException"/> with a
/// message naming the server, the database and the remedy. The connection string's password is never part of it.
/// </summary>
internal static class PgFailures
{
    /// <summary>"host:port/database as user", for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database} as {b.Username}";
    }

    /// <summary>Whether <paramref name="ex"/> says the server is down, unreachable, refusing us, or out of resources.</summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState[..2] is "08" or "28" or "3D" or "53" or "57" or "58",
        NpgsqlException => true,
        TimeoutException or SocketException => true,
        _ => false,
    };

    public static StoreUnavailableException Unavailable(string server, Exception cause, string what)
    {
        var reason = cause switch
        {
            PostgresException { SqlState: "28P01" or "28000" } =>
                "the server refused the sign-in (wrong user or password, or no pg_hba.conf entry). Fix ConnectionStrings:Console.",
            PostgresException { SqlState: "3D000" } =>
                "the database does not exist. Create it (createdb) or fix the database name in ConnectionStrings:Console.",
            PostgresException { SqlState: ['5', '3', ..] } pg =>
                $"the server is out of resources ({pg.MessageText}). Free disk space or connections on the server.",
            PostgresException pg => $"{pg.MessageText}.",
            _ => $"the server cannot be reached ({Innermost(cause).Message}). Start PostgreSQL or fix the host and port in ConnectionStrings:Console.",
        };
        return new StoreUnavailableException($"{what}: PostgreSQL at {server}: {reason}", cause);
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
