namespace Rari.Node.Benchmarks;

/// <summary>One line of the benchmark table: what was measured, the figure, the target and whether it is met.</summary>
/// <param name="Name">What was measured, e.g. "backtest throughput, grid, one symbol".</param>
/// <param name="Measured">The figure as printed, e.g. "1.2 M klines/s"; "not measured" with <paramref name="Detail"/> saying why.</param>
/// <param name="Target">The target as printed, e.g. "≥ 5 M klines/s per core".</param>
/// <param name="Met">Whether the target is met; null when the target is "report" or nothing was measured.</param>
/// <param name="Detail">How it was measured, the limit beside it, or why it was not measured.</param>
/// <param name="Values">The raw numbers behind the figure (name → value), for the JSON.</param>
internal sealed record BenchFigure(
    string Name, string Measured, string Target, bool? Met, string Detail, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>A benchmark that could not run here, with the reason.</summary>
    public static BenchFigure NotMeasured(string name, string target, string reason) =>
        new(name, "not measured", target, null, reason, new Dictionary<string, double>());
}
