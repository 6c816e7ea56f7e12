using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OperatorConsole.Core.GuardedActions;

/// <summary>
/// The pure parts of a confirmation token: its creation (256 random bits, base64url without padding, 43
/// characters), the verifier we store (SHA-256, lowercase hex) and the hash of the parameters it is bound to.
/// </summary>
public static class ConfirmationTokens
{
    public const int RandomBytes = 32;

    /// <summary>
    /// The parameter hash is the SHA-256 of the exact UTF-8 bytes System.Text.Json writes for the parameters'
    /// runtime type with these fixed options. Keys are not sorted: the same record type always writes its
    /// properties in declaration order, so the request and the confirmation hash the same bytes as long as the
    /// caller passes the same record type both times (which every guarded service does). Changing a record's
    /// property order would only invalidate tokens that are in flight during a deploy, which live two minutes.
    /// </summary>
    private static readonly JsonSerializerOptions ParameterJson = new(JsonSerializerDefaults.General);

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string HashParameters(object? parameters) =>
        Convert.ToHexStringLower(SHA256.HashData(
            JsonSerializer.SerializeToUtf8Bytes(parameters, parameters?.GetType() ?? typeof(object), ParameterJson)));
}
