using Microsoft.AspNetCore.Identity;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Web.Auth;

/// <summary>Core's password port on ASP.NET Core's PasswordHasher (PBKDF2 with a per-password salt).</summary>
public sealed class AspNetPasswordHashing(IPasswordHasher<string> hasher) : IPasswordHashing
{
    private const string Subject = "operator-console-user";

    public string Hash(string password) => hasher.HashPassword(Subject, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(Subject, hash, password) != PasswordVerificationResult.Failed;
}
