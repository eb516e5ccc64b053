using System.Diagnostics;
using Rari.Backtest.Engine;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;

namespace Rari.Backtest.Sweeps;

/// <summary>One run of a sweep, ranked.</summary>
/// <param name="Point">The values it ran with.</param>
/// <param name="Metrics">Its performance.</param>
/// <param name="Totals">Its money and order counts.</param>
/// <param name="Score">Its score by the sweep's metric (higher is better).</param>
public sealed record SweepRun(SweepPoint Point, PerformanceReport Metrics, BacktestTotals Totals, double Score);

/// <summary>The outcome of a sweep: every run ranked best first, and the best run's full result.</summary>
/// <param name="Metric">What the runs are ranked by.</param>
/// <param name="Ranked">Every run, best first; ties keep grid order.</param>
/// <param name="Best">The best run's result (report and totals).</param>
/// <param name="Klines">Bars processed by all runs together.</param>
/// <param name="Elapsed">Wall-clock time of the whole sweep.</param>
public sealed record SweepOutcome(RankMetric Metric, IReadOnlyList<SweepRun> Ranked, BacktestResult Best, long Klines, TimeSpan Elapsed)
{
    /// <summary>Bars per second over all cores.</summary>
    public double KlinesPerSecond => Elapsed > TimeSpan.Zero ? Klines / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Runs every point of a sweep, in parallel across cores (each run has its own engine and venue over the shared,
/// read-only bars), and ranks the results. The outcome does not depend on the order runs finish in.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the points.</summary>
    /// <param name="points">The combinations (at least one).</param>
    /// <param name="setupFor">Builds the setup of one combination; called on worker threads, so it must be thread-safe.</param>
    /// <param name="metric">What to rank by.</param>
    /// <param name="maxDegreeOfParallelism">How many runs at once; the number of cores when 0 or less.</param>
    /// <param name="progress">Told (finished, total) after each run; called on worker threads.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public static SweepOutcome Run(
        IReadOnlyList<SweepPoint> points,
        Func<SweepPoint, BacktestSetup> setupFor,
        RankMetric metric,
        int maxDegreeOfParallelism = 0,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(setupFor);
        if (points.Count == 0)
        {
            throw new ArgumentException("A sweep needs at least one point.", nameof(points));
        }

        var stopwatch = Stopwatch.StartNew();
        var runs = new SweepRun[points.Count];
        var gate = new Lock();
        BacktestResult? best = null;
        SweepRun? bestRun = null;
        var finished = 0;
        long klines = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(0, points.Count, options, i =>
            {
                var point = points[i];
                var result = new BacktestEngine(setupFor(point)).Run(cancellationToken);
                var run = new SweepRun(point, result.Report.Metrics, result.Totals, RankMetrics.Score(result.Report.Metrics, metric));
                runs[i] = run;
                lock (gate)
                {
                    klines += result.Klines;
                    if (bestRun is null || Better(run, bestRun))
                    {
                        bestRun = run;
                        best = result;
                    }

                    progress?.Invoke(++finished, points.Count);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var ranked = runs.ToList();
        ranked.Sort((a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return new SweepOutcome(metric, ranked, best!, klines, stopwatch.Elapsed);
    }

    /// <summary>The ranking order: higher score first, then the earlier grid point.</summary>
    public static bool Better(SweepRun a, SweepRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Score > b.Score || (a.Score == b.Score && a.Point.Index < b.Point.Index);
    }
}
