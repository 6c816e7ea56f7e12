namespace OperatorConsole.Core.Users;

/// <summary>Port for the host's password hasher (ASP.NET Core's PasswordHasher in the web host).</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    bool Verify(string hash, string password);
}
