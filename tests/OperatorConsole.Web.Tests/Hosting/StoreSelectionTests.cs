using Npgsql;
using OperatorConsole.Testing;
using OperatorConsole.Testing.PostgreSql;

namespace OperatorConsole.Web.Tests.Hosting;

/// <summary>Storage:Provider settings that cannot work end the start with one line naming the setting, and no secret.</summary>
public sealed class StoreSelectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-provider-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string DataFile => Path.Combine(_folder, "console.db");

    private string Logs => Path.Combine(_folder, "logs");

    [Fact]
    public async Task Start_PostgreSqlWithoutConnectionString_ExitsWithCode2NamingTheSetting()
    {
        var (exitCode, output) = await ChildConsole.RunToExitAsync(DataFile, Logs, "--Storage:Provider=PostgreSQL");

        Assert.Equal(2, exitCode);
        Assert.Contains("Storage:Provider is PostgreSQL but ConnectionStrings:Console is empty", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgreSqlWithWrongPassword_ExitsWithCode2WithoutShowingThePassword()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            var wrong = new NpgsqlConnectionStringBuilder(database) { Password = "wrong-secret-1234" }.ConnectionString;

            var (exitCode, output) = await ChildConsole.RunToExitAsync(
                DataFile, Logs, "--Storage:Provider=PostgreSQL", $"--ConnectionStrings:Console={wrong}");

            Assert.Equal(2, exitCode);
            Assert.Contains("refused the sign-in", output, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-secret-1234", output, StringComparison.Ordinal);
            Assert.False(File.Exists(DataFile));
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }
}
