using BenchmarkDotNet.Running;
using OperatorConsole.Benchmarks;
using OperatorConsole.Benchmarks.Load;

// `-- load [options]` runs the load tool against a real host; anything else goes to BenchmarkDotNet.
return args switch
{
    ["load", .. var rest] => await LoadCommand.RunAsync(rest),
    [ClientFleet.Command, .. var rest] => await ClientFleet.RunAsync(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(StoreBenchmarks).Assembly).Run(args);
    return 0;
}
