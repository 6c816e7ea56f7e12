using System.Globalization;

namespace OperatorConsole.Web.Tests.Fuzz;

/// <summary>The fuzz suites' two switches: OC_FUZZ_ITERATIONS for longer runs, OC_FUZZ_SEED to replay or vary a run.</summary>
public static class FuzzSettings
{
    public const int DefaultSeed = 20261129;

    public static int Iterations(int byDefault) => Read("OC_FUZZ_ITERATIONS") ?? byDefault;

    public static int Seed() => Read("OC_FUZZ_SEED") ?? DefaultSeed;

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
