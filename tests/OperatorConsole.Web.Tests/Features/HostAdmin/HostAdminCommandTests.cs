using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.HostAdmin;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.HostAdmin;

/// <summary>The admin commands against a temp data file, then the real console started on that file.</summary>
public sealed class HostAdminCommandTests : IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-admin-").FullName;

    private string DataFile => Path.Combine(_folder, "console.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task CreateUser_PasswordOnStdin_ConsoleSignsInWithIt()
    {
        var result = await RunAsync(Password + "\n", "create-user", "--user", "ada", "--roles", "Admin");

        Assert.Equal((HostAdminCommand.Ok, ""), (result.ExitCode, result.Stdout));
        using var host = ConsoleHost.WithoutDemo(DataFile);
        await HostClients.SignedInClientAsync(host, "ada", Password);
    }

    [Fact]
    public async Task CreateUser_Ledger_NamesTheHostAdminAndVerifies()
    {
        await RunOkAsync(Password + "\n", "create-user", "--user", "ada", "--roles", "Admin,Viewer");

        using var host = ConsoleHost.WithoutDemo(DataFile);
        var audit = host.Service<AuditService>();
        var entry = Assert.Single(audit.Query(new LedgerQuery(Action: "user.create")));
        Assert.Equal((HostAdminCommand.Actor.Id, "user:ada"), (entry.Actor, entry.Subject));
        Assert.True(audit.Verify().IsValid);
    }

    [Fact]
    public async Task ResetPassword_AfterTheConsoleStopped_TheLedgerStillVerifiesAtTheNextStart()
    {
        await RunOkAsync(Password + "\n", "create-user", "--user", "ada", "--roles", "Admin");
        using (ConsoleHost.WithoutDemo(DataFile))
        {
        }

        await RunOkAsync("a-brand-new-secret\n", "reset-password", "--user", "ada");

        using var host = ConsoleHost.WithoutDemo(DataFile);
        var verification = host.Service<AuditService>().Verify();
        Assert.True(verification.IsValid, verification.Problem);
    }

    [Fact]
    public async Task CreateUser_BeforeFirstStart_StoreStillGetsTheRunbooks()
    {
        await RunOkAsync(Password + "\n", "create-user", "--user", "ada", "--roles", "Admin");

        using var host = ConsoleHost.WithoutDemo(DataFile);
        Assert.Equal(6, host.Service<Core.Runbooks.RunbookService>().List().Count);
    }

    [Fact]
    public async Task CreateUser_ShortPassword_RefusedAndNoUser()
    {
        var result = await RunAsync("short\n", "create-user", "--user", "ada", "--roles", "Admin");

        Assert.Equal(HostAdminCommand.Refused, result.ExitCode);
        Assert.Contains("Password must be", result.Stderr, StringComparison.Ordinal);
        using var host = ConsoleHost.WithoutDemo(DataFile);
        Assert.Null(host.Service<Core.Users.UserService>().Find("ada"));
    }

    [Fact]
    public async Task CreateUser_UnknownRole_RefusedNamingIt()
    {
        var result = await RunAsync(Password + "\n", "create-user", "--user", "ada", "--roles", "Root");

        Assert.Equal(HostAdminCommand.Refused, result.ExitCode);
        Assert.Contains("Unknown role 'Root'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delete-user", "--user", "ada")]
    [InlineData("create-user", "--user", "ada")]
    [InlineData("create-user", "--user", "ada", "--roles", "Admin", "--password", "x")]
    [InlineData("reset-password", "--user")]
    public async Task Run_BadUsage_ExitsWithUsageAndOpensNoStore(params string[] args)
    {
        var result = await RunAsync(Password + "\n", args);

        Assert.Equal(HostAdminCommand.BadUsage, result.ExitCode);
        Assert.Contains("usage", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(DataFile));
    }

    [Fact]
    public async Task ResetPassword_ExistingUser_NewPasswordSignsInOldDoesNot()
    {
        await RunOkAsync(Password + "\n", "create-user", "--user", "ada", "--roles", "Admin");

        var result = await RunAsync("a-brand-new-secret\n", "reset-password", "--user", "ada");

        Assert.Equal(HostAdminCommand.Ok, result.ExitCode);
        using var host = ConsoleHost.WithoutDemo(DataFile);
        await HostClients.SignedInClientAsync(host, "ada", "a-brand-new-secret");
        var (client, cookies) = HostClients.CookieClient(host);
        using var _ = await HostClients.PostLoginFormAsync(client, "ada", Password);
        Assert.Null(cookies.GetCookies(host.BaseAddress)[HostClients.AuthCookie]);
    }

    [Fact]
    public async Task ResetPassword_UnknownUser_Refused()
    {
        var result = await RunAsync("a-brand-new-secret\n", "reset-password", "--user", "nobody");

        Assert.Equal(HostAdminCommand.Refused, result.ExitCode);
        Assert.Contains("No user 'nobody'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateApiKey_ExistingUser_PrintsOnlyAKeyThatActsWithTheUsersRoles()
    {
        await RunOkAsync(Password + "\n", "create-user", "--user", "deployer", "--roles", "ReleaseOwner,Viewer");

        var result = await RunAsync(string.Empty, "create-api-key", "--user", "deployer", "--name", "deploy-bot");

        Assert.Equal(HostAdminCommand.Ok, result.ExitCode);
        var key = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var host = ConsoleHost.WithoutDemo(DataFile);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Trim());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(["Viewer", "ReleaseOwner"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task CreateUser_ChildProcessWithStdin_ConsoleSignsInWithIt()
    {
        var result = await ChildConsole.RunAsync(
            ["admin", "create-user", "--user", "ada", "--roles", "Admin", $"--Storage:DataFile={DataFile}"], Password + "\n");

        Assert.True(result.ExitCode == HostAdminCommand.Ok, result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
        using var host = ConsoleHost.WithoutDemo(DataFile);
        await HostClients.SignedInClientAsync(host, "ada", Password);
    }

    /// <summary>Runs a command the test builds on, so a refusal fails the test where it happens.</summary>
    private async Task RunOkAsync(string stdin, params string[] args)
    {
        var result = await RunAsync(stdin, args);
        Assert.True(result.ExitCode == HostAdminCommand.Ok, result.Stderr);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await HostAdminCommand.RunAsync(
            ["admin", .. args, $"--Storage:DataFile={DataFile}"], new StringReader(stdin), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
