using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>The load tool's side of a client process: start it, wait for it to see versions, collect its result.</summary>
internal sealed class ClientFleetProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<FleetResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _got = new();
    private readonly StringBuilder _errors = new();

    private ClientFleetProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            // Lets the output handler read the last lines (the result) before anything is decided on the exit.
            process.WaitForExit();
            var failure = new InvalidOperationException($"The client process exited with {process.ExitCode}: {Errors()}");
            _ready.TrySetException(failure);
            _result.TrySetException(failure);
        };
    }

    /// <summary>Starts the clients and waits until all are connected (batch timeouts are the client process's own).</summary>
    public static async Task<ClientFleetProcess> StartAsync(FleetSpec spec)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in ApparatusRuntime)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(ClientFleet).Assembly.Location);
        start.ArgumentList.Add(ClientFleet.Command);
        foreach (var arg in spec.ToArgs())
        {
            start.ArgumentList.Add(arg);
        }

        var fleet = new ClientFleetProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the client process."));
        fleet._process.BeginOutputReadLine();
        fleet._process.BeginErrorReadLine();
        var batches = (spec.Clients + spec.Batch - 1) / spec.Batch;
        await fleet._ready.Task.WaitAsync(TimeSpan.FromSeconds(spec.TimeoutSeconds * (batches + 1)));
        return fleet;
    }

    /// <summary>
    /// The clients are apparatus: real remote clients cost the host's cores nothing, so their process runs as lightly as it
    /// can beside the host without changing what they speak or what counts as receipt: the workstation GC without its
    /// background thread, and no PGO instrumentation (fewer rejits on the shared cores). The host's process keeps the
    /// console's own runtime settings (this tool's project file), whatever the parent's environment says.
    /// </summary>
    private static readonly (string Name, string Value)[] ApparatusRuntime =
    [
        ("DOTNET_gcServer", "0"), ("DOTNET_gcConcurrent", "0"), ("DOTNET_TieredPGO", "0"),
    ];

    /// <summary>CPU time the client process has used so far: the clients' share of the cores the host runs on.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Waits until every client has seen <paramref name="version"/>; false (and a message) after the timeout.</summary>
    public async Task<bool> AllSawAsync(long version, TimeSpan timeout, TextWriter log)
    {
        try
        {
            await _got.GetOrAdd(version, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            log.WriteLine($"  ! not every client saw version {version} within {timeout.TotalSeconds:0} s; going on (the result counts who missed it)");
            return false;
        }
    }

    public async Task<FleetResult> StopAsync(TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync("stop");
        return await _result.Task.WaitAsync(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line == "ready")
        {
            _ready.TrySetResult();
        }
        else if (line.StartsWith("got ", StringComparison.Ordinal))
        {
            _got.GetOrAdd(long.Parse(line[4..], CultureInfo.InvariantCulture), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        else if (line.StartsWith("result ", StringComparison.Ordinal))
        {
            _result.TrySetResult(JsonSerializer.Deserialize<FleetResult>(line[7..])!);
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString().Trim();
        }
    }

    // The same dotnet that runs this tool (under `dotnet run` or `dotnet test`), else the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
