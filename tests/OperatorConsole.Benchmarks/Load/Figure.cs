namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// One measured figure: <see cref="Latency"/> for delivery paths, <see cref="Value"/> (in <see cref="Unit"/>) for the
/// rest. <see cref="Lost"/> counts deliveries that never arrived or arrived out of order. <see cref="Met"/> is null
/// where the issue sets no target. <see cref="NotMeasured"/> says why a figure has no number.
/// </summary>
public sealed record Figure(string Key, string Path, string Target)
{
    public Latency? Latency { get; init; }

    public double? Value { get; init; }

    public string Unit { get; init; } = "";

    public int Lost { get; init; }

    public bool? Met { get; init; }

    public string? Note { get; init; }

    public string? NotMeasured { get; init; }

    public bool HasMeasurement => Latency is not null || Value is not null;

    public string Measured => NotMeasured is { } why
        ? $"not measured: {why}"
        : (Latency?.ToString() ?? $"{Value:#,0.##} {Unit}".TrimEnd())
            + (Lost > 0 ? $"; {Lost:N0} LOST or out of order" : "")
            + (Note is null ? "" : $"; {Note}");

    public string Verdict => Met switch { true => "met", false => "missed", null => "" };
}
