using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// "bench [BenchmarkDotNet arguments]" runs the benchmarks in this process (one process to trace, e.g. for fsyncs);
// anything else is handed to BenchmarkDotNet as before.
switch (args.FirstOrDefault())
{
    case "bench":
        var inProcess = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..], inProcess);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
