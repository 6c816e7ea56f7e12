using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>A fast stand-in for the host's password hasher; the port is all these tests need.</summary>
public sealed class Sha256PasswordHashing : IPasswordHashing
{
    public string Hash(string password) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    public bool Verify(string hash, string password) => hash == Hash(password);
}
