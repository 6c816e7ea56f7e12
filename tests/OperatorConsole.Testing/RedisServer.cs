using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OperatorConsole.Testing;

/// <summary>
/// A real redis-server (Debian's package, installed by scripts/test.sh) on a free loopback port, with nothing saved
/// to disk; one per test class fixture. Tests on one server keep apart with their own channel prefix.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private const string Executable = "/usr/bin/redis-server";
    private readonly Process _process;

    public RedisServer()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run scripts/test.sh, which installs Debian's redis-server.");
        }

        Port = Loopback.UnusedPort();
        var folder = Directory.CreateTempSubdirectory("operator-console-redis-").FullName;
        _process = Process.Start(new ProcessStartInfo(Executable)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void WaitUntilListening()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"redis-server did not listen on 127.0.0.1:{Port} within 30 s.");
    }
}
