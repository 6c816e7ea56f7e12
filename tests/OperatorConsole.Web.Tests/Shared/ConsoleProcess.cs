using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>
/// The built console (OperatorConsole.Web.dll beside the tests) as a child process, the way an operator runs it:
/// its own arguments, environment and standard input; its output collected for the test.
/// </summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _stdout = new();
    private readonly System.Text.StringBuilder _stderr = new();

    private ConsoleProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OperatorConsole.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A developer's own listen settings must not leak into the child.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The console exited before listening:{Environment.NewLine}{StandardError}{StandardOutput}"));
        _process.OutputDataReceived += (_, e) => OnLine(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string StandardOutput => Collected(_stdout);

    public string StandardError => Collected(_stderr);

    public static ConsoleProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        new(args, environment ?? new Dictionary<string, string>());

    /// <summary>Runs to the end with <paramref name="stdin"/> as standard input; returns the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, string stdin)
    {
        await using var child = Start(args);
        await child._process.StandardInput.WriteAsync(stdin);
        child._process.StandardInput.Close();
        await child._process.WaitForExitAsync();

        // The parameterless wait also waits until the redirected output has been read to its end.
        child._process.WaitForExit();
        return (child._process.ExitCode, child.StandardOutput, child.StandardError);
    }

    /// <summary>The address from Kestrel's own "Now listening on:" line (the console's readiness marker).</summary>
    public Task<string> ListeningAsync() => _listening.Task;

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(System.Text.StringBuilder sink, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sink)
        {
            sink.AppendLine(line);
        }

        const string Marker = "Now listening on: ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(line[(at + Marker.Length)..].Trim().Split(' ')[0]);
        }
    }

    private static string Collected(System.Text.StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}
