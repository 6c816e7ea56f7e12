using System.Diagnostics;

namespace OperatorConsole.Web.Tests.Crash;

/// <summary>
/// A real, small file system (tmpfs) that a test can fill to the last byte and free again. Mounting needs root; where
/// it is not allowed <see cref="TryMount"/> answers null and the disk-full proof rests on the failing-stream tests
/// (Storage.Tests FailedCommitTests).
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    private string Filler => Path.Combine(Folder, "filler");

    public static SmallDisk? TryMount(int megabytes)
    {
        var folder = Directory.CreateTempSubdirectory("operator-console-small-disk-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder))
        {
            return new SmallDisk(folder);
        }

        Directory.Delete(folder);
        return null;
    }

    /// <summary>Writes a file until the file system answers "No space left on device".</summary>
    public void Fill()
    {
        using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: what the test wanted.
        }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Run("umount", "-l", Folder);
        Directory.Delete(Folder, recursive: true);
    }

    private static bool Run(string command, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
