using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Audit;

namespace OperatorConsole.Storage.Audit;

/// <summary>
/// The ECDSA P-256 checkpoint key, kept as PKCS#8 PEM in its own file beside the data file (never inside it),
/// created on first start readable by the owner only. The private half is never logged or shown.
/// </summary>
public sealed class CheckpointKey : ICheckpointSigner, IDisposable
{
    private readonly ECDsa _key;

    public CheckpointKey(string keyFile)
    {
        KeyFile = Path.GetFullPath(keyFile);
        _key = ECDsa.Create();
        if (!File.Exists(KeyFile))
        {
            using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Publish(KeyFile, generated.ExportPkcs8PrivateKeyPem());
        }

        // Read back even when generated here: instances starting together on one key file all end up with the one
        // that was published first.
        _key.ImportFromPem(File.ReadAllText(KeyFile));
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16];
    }

    public string KeyFile { get; }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>The default place: beside the data file, named after it.</summary>
    public static string DefaultPathFor(string dataFile) => Path.ChangeExtension(Path.GetFullPath(dataFile), ".checkpoint-key.pem");

    public string Sign(string text) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public bool Verify(string text, string signature)
    {
        Span<byte> bytes = stackalloc byte[128];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && _key.VerifyData(Encoding.UTF8.GetBytes(text), bytes[..length], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();

    /// <summary>
    /// Writes the key whole under a temporary name, then gives it its name only if nothing has it yet: another
    /// instance never reads a half-written key, and a key already there is never replaced.
    /// </summary>
    private static void Publish(string path, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // One instance at a time: where the file system has no hard links, .NET's File.Move without overwrite checks,
        // then renames, so two instances starting together could each publish a key and keep different ones.
        using var gate = Gate(Path.ChangeExtension(path, ".lock"));
        if (File.Exists(path))
        {
            return;
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(pem));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance published its key first; that one is read.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>An exclusive OS lock on <paramref name="lockFile"/>, waited for while another instance holds it.</summary>
    private static FileStream Gate(string lockFile)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(20);
            }
        }
    }
}
