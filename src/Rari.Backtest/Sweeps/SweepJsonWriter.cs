using System.Text.Json;
using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;

namespace Rari.Backtest.Sweeps;

/// <summary>
/// Writes <c>sweep.json</c> (every run of a sweep, ranked) and <c>walk-forward.json</c> (every window's choice and
/// out-of-sample result), with the report writer's conventions: exact decimals, names for enums.
/// </summary>
public static class SweepJsonWriter
{
    /// <summary>The sweep as JSON text.</summary>
    public static string Serialize(SweepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = new SweepDocument(
            RankMetrics.Name(outcome.Metric),
            outcome.Ranked.Count + outcome.Failures.Count,
            outcome.Ranked.Select((run, i) => new RankedRun(i + 1, run.Point.Index, Values(run.Point), run.Score, run.Metrics, run.Totals)).ToList(),
            outcome.Failures.Select(f => new FailedRun(f.Point.Index, Values(f.Point), f.Reason)).ToList());
        return JsonSerializer.Serialize(document, ReportJsonWriter.Options);
    }

    /// <summary>The walk-forward as JSON text.</summary>
    public static string Serialize(WalkForwardOutcome outcome, RankMetric metric)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = new WalkForwardDocument(
            RankMetrics.Name(metric),
            outcome.Steps.Select(s => new WindowDocument(
                s.Window.Index,
                s.Window.TrainFromMs,
                s.Window.TrainToMs,
                s.Window.TestFromMs,
                s.Window.TestToMs,
                Values(s.Chosen.Point),
                s.Chosen.Score,
                s.OutOfSample.Report.Metrics,
                s.OutOfSample.Totals)).ToList(),
            outcome.Stitched.Metrics,
            outcome.Totals);
        return JsonSerializer.Serialize(document, ReportJsonWriter.Options);
    }

    private static Dictionary<string, string> Values(SweepPoint point) => point.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    private sealed record SweepDocument(string RankedBy, int Runs, IReadOnlyList<RankedRun> Ranking, IReadOnlyList<FailedRun> Failed);

    private sealed record FailedRun(int GridIndex, IReadOnlyDictionary<string, string> Values, string Reason);

    private sealed record RankedRun(int Rank, int GridIndex, IReadOnlyDictionary<string, string> Values, double Score, PerformanceReport Metrics, BacktestTotals Totals);

    private sealed record WalkForwardDocument(string RankedBy, IReadOnlyList<WindowDocument> Windows, PerformanceReport OutOfSample, BacktestTotals Totals);

    private sealed record WindowDocument(
        int Window,
        long TrainFromMs,
        long TrainToMs,
        long TestFromMs,
        long TestToMs,
        IReadOnlyDictionary<string, string> Chosen,
        double TrainingScore,
        PerformanceReport OutOfSample,
        BacktestTotals Totals);
}
