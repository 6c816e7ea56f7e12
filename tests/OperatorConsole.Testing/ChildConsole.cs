using System.Diagnostics;
using System.Text;

namespace OperatorConsole.Testing;

/// <summary>
/// The built console (OperatorConsole.Web.dll, copied beside every test project that references this one) as a child
/// process, the way an operator runs it: its own arguments, environment and standard input, its output collected for
/// the test. Ready on Kestrel's own "Now listening on:" line; <see cref="KillHard"/> ends it with SIGKILL. Other
/// ASP.NET Core programs of the solution (the scale-out proxy) start the same way from their own build folder.
/// </summary>
public sealed class ChildConsole : IDisposable, IAsyncDisposable
{
    private static readonly string ConsoleAssembly = Path.Combine(AppContext.BaseDirectory, "OperatorConsole.Web.dll");
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ChildConsole(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        _process = new Process { StartInfo = StartInfo(assembly, args, environment), EnableRaisingEvents = true };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The console exited before listening:{Environment.NewLine}{Output}"));
        _process.OutputDataReceived += (_, e) => OnLine(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    /// <summary>Where it listens; known once <see cref="ListeningAsync"/> completed.</summary>
    public Uri BaseAddress => new(_listening.Task.Result + "/");

    public string StandardOutput => Collected(_stdout);

    public string StandardError => Collected(_stderr);

    public string Output => StandardOutput + StandardError;

    /// <summary>Starts it with exactly these arguments and settings (the caller chooses where it listens).</summary>
    public static ChildConsole Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        new(ConsoleAssembly, args, environment ?? new Dictionary<string, string>());

    /// <summary>Starts it on a free loopback port with these settings (environment variables) and waits until it listens.</summary>
    public static Task<ChildConsole> StartAsync(IReadOnlyDictionary<string, string> environment) => StartAsync(ConsoleAssembly, environment);

    /// <summary>Starts the program <paramref name="assembly"/> (a path) on a free loopback port and waits until it listens.</summary>
    public static async Task<ChildConsole> StartAsync(string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var child = new ChildConsole(assembly, [], new Dictionary<string, string>(environment) { ["Urls"] = $"http://127.0.0.1:{Loopback.UnusedPort()}" });
        try
        {
            await child.ListeningAsync().WaitAsync(ReadyTimeout);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts it over a LiteDB <paramref name="dataFile"/> without demo data and waits until it listens.</summary>
    public static Task<ChildConsole> StartAsync(string dataFile, string logsFolder) => StartAsync(LiteDb(dataFile, logsFolder));

    /// <summary>Runs it to the end with <paramref name="stdin"/> as standard input.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> args, string stdin = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var child = Start(args, environment);
        await child._process.StandardInput.WriteAsync(stdin);
        child._process.StandardInput.Close();
        await child._process.WaitForExitAsync().WaitAsync(ReadyTimeout);

        // The parameterless wait also waits until the redirected output has been read to its end.
        child._process.WaitForExit();
        return (child._process.ExitCode, child.StandardOutput, child.StandardError);
    }

    /// <summary>Runs it with <paramref name="args"/> over a LiteDB <paramref name="dataFile"/> (a refused start, the restore command) until it exits.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataFile, string logsFolder, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunAsync(args, environment: LiteDb(dataFile, logsFolder));
        return (exitCode, stdout + stderr);
    }

    /// <summary>The address from Kestrel's own "Now listening on:" line (the console's readiness marker).</summary>
    public Task<string> ListeningAsync() => _listening.Task;

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or an operator kills the process.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static Dictionary<string, string> LiteDb(string dataFile, string logsFolder) => new()
    {
        ["Storage__DataFile"] = dataFile,
        ["Storage__SeedOnFirstStart"] = "false",
        ["Logs__Folder"] = logsFolder,
    };

    private static ProcessStartInfo StartInfo(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // Its content root: where its appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
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

        return start;
    }

    private void OnLine(StringBuilder sink, string? line)
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
            _listening.TrySetResult(line[(at + Marker.Length)..].Trim().Split(' ')[0].TrimEnd('/'));
        }
    }

    private static string Collected(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}
