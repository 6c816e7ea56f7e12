using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Web.Tests.Crash;

/// <summary>
/// The built console (OperatorConsole.Web.dll beside the tests) as a child process on a free loopback port over a
/// given data file, ready once it logs that it listens. <see cref="KillHard"/> ends it with SIGKILL.
/// </summary>
public sealed class ChildConsole : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildConsole(string dataFile, string logsFolder, int port)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = StartInfo(dataFile, logsFolder);
        start.Environment["Urls"] = BaseAddress.ToString();
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The console exited before listening:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output => string.Join('\n', _output);

    public static async Task<ChildConsole> StartAsync(string dataFile, string logsFolder)
    {
        var child = new ChildConsole(dataFile, logsFolder, FreePort());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await child._listening.Task.WaitAsync(timeout.Token);
        return child;
    }

    /// <summary>Runs the console with <paramref name="args"/> (e.g. a refused start, or the restore command) until it exits.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataFile, string logsFolder, params string[] args)
    {
        var start = StartInfo(dataFile, logsFolder);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or an operator kills the process.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string dataFile, string logsFolder) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "OperatorConsole.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Urls"] = $"http://127.0.0.1:{FreePort()}/",
                ["Storage__DataFile"] = dataFile,
                ["Storage__SeedOnFirstStart"] = "false",
                ["Logs__Folder"] = logsFolder,
            },
        };

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }
}
