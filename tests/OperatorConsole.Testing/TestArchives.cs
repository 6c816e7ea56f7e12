using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace OperatorConsole.Testing;

/// <summary>A small runbook repository in the shapes real ones have, packed as .zip or .tar.gz as a user would upload it.</summary>
public static class TestArchives
{
    /// <summary>A 1×1 PNG, so a browser reports a natural width for it.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>";

    /// <summary>
    /// Everything under "runbooks-main/{tag}/": a runbook with an image, an SVG and a link to another runbook, a second
    /// runbook with the same title in another folder, a README, an index page, a template, a file that is not UTF-8,
    /// an image nobody references and a file of a kind runbooks do not keep.
    /// </summary>
    public static Dictionary<string, byte[]> Repository(string tag) => new()
    {
        [$"runbooks-main/{tag}/README.md"] = Text("# Runbooks\n\nHow we write runbooks.\n"),
        [$"runbooks-main/{tag}/_index.md"] = Text("---\ntitle: Alerts\n---\n"),
        [$"runbooks-main/{tag}/TEMPLATE.md"] = Text("# AlertName\n\n## Mitigation\n\n1. Describe the fix.\n"),
        [$"runbooks-main/{tag}/alerts/disk-full.md"] = Text(
            $"# Disk full {tag}\n\n![Disk graph](../img/disk.png)\n\n![Layout](../img/layout.svg)\n\n" +
            "If the CPU is high too, see [CPU high](cpu-high.md#mitigation) first; [the old page](gone.md) is gone.\n\n" +
            "## Mitigation\n\n1. Clean /var/log.\n"),
        [$"runbooks-main/{tag}/alerts/cpu-high.md"] = Text($"# CPU high {tag}\n\n## Mitigation\n\n1. Scale out.\n"),
        [$"runbooks-main/{tag}/team-b/disk-full.md"] = Text($"# Disk full {tag}\n\n## Mitigation\n\n1. Grow the volume.\n"),
        [$"runbooks-main/{tag}/broken/latin1.md"] = [.. Text("# Caf"), 0xE9, .. Text(" down\n\n1. Restart.\n")],
        [$"runbooks-main/{tag}/img/disk.png"] = Png,
        [$"runbooks-main/{tag}/img/layout.svg"] = Text(Svg),
        [$"runbooks-main/{tag}/img/unused.gif"] = Png,
        [$"runbooks-main/{tag}/tools/lint.rb"] = Text("puts :ok\n"),
    };

    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> files, Action<ZipArchive>? extra = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }

            extra?.Invoke(zip);
        }

        return buffer.ToArray();
    }

    public static byte[] TarGz(IReadOnlyDictionary<string, byte[]> files, Action<TarWriter>? extra = null)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (path, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content) });
            }

            extra?.Invoke(tar);
        }

        return buffer.ToArray();
    }

    /// <summary>A zip whose one entry expands to <paramref name="bytes"/> zeros: a few hundred KB that claim far more.</summary>
    public static byte[] ZipBomb(long bytes) => Zip(new Dictionary<string, byte[]>(), zip =>
    {
        using var stream = zip.CreateEntry("zeros.txt", CompressionLevel.SmallestSize).Open();
        var chunk = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            stream.Write(chunk);
        }
    });

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
