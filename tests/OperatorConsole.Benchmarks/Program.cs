using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OperatorConsole.Benchmarks;
using OperatorConsole.Benchmarks.Load;

// `-- load [options]` runs the load tool against a real host; `-- bench [BenchmarkDotNet arguments]` runs the
// benchmarks in this process (one process to trace, e.g. for fsyncs); anything else goes to BenchmarkDotNet.
return args switch
{
    ["load", .. var rest] => await LoadCommand.RunAsync(rest),
    [ClientFleet.Command, .. var rest] => await ClientFleet.RunAsync(rest),
    ["bench", .. var rest] => RunBenchmarks(rest, DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))),
    _ => RunBenchmarks(args, null),
};

static int RunBenchmarks(string[] args, IConfig? config)
{
    BenchmarkSwitcher.FromAssembly(typeof(StoreBenchmarks).Assembly).Run(args, config);
    return 0;
}
