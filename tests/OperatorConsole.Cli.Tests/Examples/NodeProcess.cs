using System.Diagnostics;
using System.Threading.Channels;

namespace OperatorConsole.Cli.Tests.Examples;

/// <summary>A Node script under test: its stdout line by line, its stderr kept; killed on dispose.</summary>
public sealed class NodeProcess : IDisposable
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    private readonly Process _process;
    private readonly TimeSpan _patience;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Task<string> _errors;

    public NodeProcess(Process process, TimeSpan patience)
    {
        _process = process;
        _patience = patience;
        _errors = process.StandardError.ReadToEndAsync();
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Writer.TryWrite(line);
            }

            _lines.Writer.TryComplete();
        });
    }

    public string Errors => _errors.IsCompleted ? _errors.Result : "";

    /// <summary>Runs <c>npm ci</c> once when the example has no node_modules yet (a fresh clone).</summary>
    public static async Task<string> InstallAsync(string folder)
    {
        await Install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                using var npm = Process.Start(start)!;
                var errors = npm.StandardError.ReadToEndAsync();
                await npm.StandardOutput.ReadToEndAsync();
                await npm.WaitForExitAsync();
                Assert.True(npm.ExitCode == 0, $"npm ci failed in {folder}: {await errors}");
            }

            return folder;
        }
        finally
        {
            Install.Release();
        }
    }

    /// <summary>Waits for a stdout line containing <paramref name="text"/>; fails with what the script printed when it exits first.</summary>
    public async Task WaitForLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(_patience);
        var seen = new List<string>();
        await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            seen.Add(line);
        }

        Assert.Fail($"The script ended without printing '{text}'. stdout: {string.Join(" | ", seen)} stderr: {await _errors}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(_patience);
        await _process.WaitForExitAsync(timeout.Token);
        await _errors;
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
