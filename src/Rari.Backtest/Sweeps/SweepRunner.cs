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

/// <summary>A run of a sweep that stopped because its strategy threw; it is left out of the ranking.</summary>
/// <param name="Point">The values it ran with.</param>
/// <param name="Reason">What happened (the <see cref="BacktestFailedException"/> message).</param>
public sealed record SweepFailure(SweepPoint Point, string Reason);

/// <summary>The outcome of a sweep: every run ranked best first, and the best run's full result.</summary>
/// <param name="Metric">What the runs are ranked by.</param>
/// <param name="Ranked">Every run that finished, best first; ties keep grid order.</param>
/// <param name="Failures">The runs that stopped with an error, in grid order.</param>
/// <param name="Best">The best run's result (report and totals).</param>
/// <param name="Klines">Bars processed by all runs together.</param>
/// <param name="Elapsed">Wall-clock time of the whole sweep.</param>
public sealed record SweepOutcome(
    RankMetric Metric, IReadOnlyList<SweepRun> Ranked, IReadOnlyList<SweepFailure> Failures, BacktestResult Best, long Klines, TimeSpan Elapsed)
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
    /// <exception cref="BacktestFailedException">Every run failed; the message is the first failure's.</exception>
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
        var runs = new SweepRun?[points.Count];
        var failures = new SweepFailure?[points.Count];
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
                BacktestResult result;
                try
                {
                    result = new BacktestEngine(setupFor(point)).Run(cancellationToken);
                }
                catch (BacktestFailedException e)
                {
                    failures[i] = new SweepFailure(point, e.Message);
                    lock (gate)
                    {
                        progress?.Invoke(++finished, points.Count);
                    }

                    return;
                }

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

        var failed = failures.OfType<SweepFailure>().ToList();
        if (best is null)
        {
            throw new BacktestFailedException($"All {points.Count} runs of the sweep failed; the first, with {failed[0].Point.Describe()}: {failed[0].Reason}");
        }

        var ranked = runs.OfType<SweepRun>().ToList();
        ranked.Sort((a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return new SweepOutcome(metric, ranked, failed, best, klines, stopwatch.Elapsed);
    }

    /// <summary>The ranking order: higher score first, then the earlier grid point.</summary>
    public static bool Better(SweepRun a, SweepRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Score > b.Score || (a.Score == b.Score && a.Point.Index < b.Point.Index);
    }
}
