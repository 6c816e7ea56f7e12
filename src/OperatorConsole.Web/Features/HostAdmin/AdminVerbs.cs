using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Web.Features.HostAdmin;

/// <summary>The three admin commands, each one call into the Core service an Admin's page would use.</summary>
internal sealed class AdminVerbs(IServiceProvider services, TextReader input, TextWriter output, TextWriter errors)
{
    private UserService Users => services.GetRequiredService<UserService>();

    public Task RunAsync(AdminArguments command) => command.Verb switch
    {
        "create-user" => CreateUserAsync(command),
        "reset-password" => ResetPasswordAsync(command),
        "create-api-key" => CreateApiKeyAsync(command),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.Verb, "AdminArguments.Parse accepts only the verbs above."),
    };

    private async Task CreateUserAsync(AdminArguments command)
    {
        var roles = Roles.Parse(command["--roles"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var displayName = command.Options.TryGetValue("--display-name", out var name) ? name : command["--user"];
        var password = PasswordInput.Read(input, errors);
        var user = await Users.CreateAsync(HostAdminCommand.Actor, command["--user"], displayName, password, roles);
        await errors.WriteLineAsync($"Created user '{user.Id}' with roles {string.Join(", ", Roles.Names(user.Roles))}.");
    }

    private async Task ResetPasswordAsync(AdminArguments command)
    {
        var user = ExistingUser(command);
        var password = PasswordInput.Read(input, errors);
        await Users.ResetPasswordAsync(HostAdminCommand.Actor, user.Id, password);
        await errors.WriteLineAsync($"Set a new password for '{user.Id}'.");
    }

    /// <summary>The key acts with the user's roles; only the key goes to standard output, so scripts can capture it.</summary>
    private async Task CreateApiKeyAsync(AdminArguments command)
    {
        var user = ExistingUser(command);
        if (user.Disabled)
        {
            throw new DomainValidationException($"User '{user.Id}' is disabled.");
        }

        var created = await services.GetRequiredService<ApiKeyService>().CreateAsync(HostAdminCommand.Actor, command["--name"], user.Roles);
        await errors.WriteLineAsync($"Created API key '{created.Key.Name}' ({created.Key.Id}) with the roles of '{user.Id}': {string.Join(", ", Roles.Names(user.Roles))}. It is shown once:");
        await output.WriteLineAsync(created.Secret);
    }

    private User ExistingUser(AdminArguments command)
    {
        var id = UserService.IdOf(command["--user"]);
        return Users.Find(id) ?? throw new NotFoundException($"No user '{id}'.");
    }
}
