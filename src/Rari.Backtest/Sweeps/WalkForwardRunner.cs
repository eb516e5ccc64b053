using System.Diagnostics;
using System.Globalization;
using Rari.Backtest.Engine;
using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Domain.Analytics;

namespace Rari.Backtest.Sweeps;

/// <summary>One walk-forward window's outcome: what the training sweep chose, and how that choice did out of sample.</summary>
/// <param name="Window">The periods.</param>
/// <param name="Chosen">The best training run (its values and in-sample metrics).</param>
/// <param name="OutOfSample">The chosen values run on the test period.</param>
public sealed record WalkForwardStep(WalkForwardWindow Window, SweepRun Chosen, BacktestResult OutOfSample);

/// <summary>A walk-forward's outcome: every window, and the out-of-sample results stitched into one report.</summary>
/// <param name="Steps">The windows that could run, in time order.</param>
/// <param name="Stitched">The test periods' equity curves chained end to start, their trades, charts and risk events, with metrics computed over them; nothing from a training period.</param>
/// <param name="Totals">The test periods' money added up.</param>
/// <param name="Klines">Bars processed by all runs (training and test).</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record WalkForwardOutcome(IReadOnlyList<WalkForwardStep> Steps, BacktestReport Stitched, BacktestTotals Totals, long Klines, TimeSpan Elapsed);

/// <summary>
/// Walk-forward optimisation: on each window the sweep grid runs over the training period, the best combination by the
/// chosen metric runs over the following test period, and only the test periods are reported.
/// </summary>
public static class WalkForwardRunner
{
    /// <summary>Runs every window.</summary>
    /// <param name="windows">The windows (see <see cref="WalkForwardPlan.Windows"/>).</param>
    /// <param name="points">The sweep grid to optimise over.</param>
    /// <param name="setupFor">Builds the setup of a combination over a period <c>[from, to)</c>; null when the period has nothing to trade. Thread-safe.</param>
    /// <param name="metric">What the training runs are ranked by.</param>
    /// <param name="title">The stitched report's title.</param>
    /// <param name="maxDegreeOfParallelism">Runs at once; the number of cores when 0 or less.</param>
    /// <param name="progress">Told (finished windows, total windows).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="InvalidOperationException">No window had data to train and test on.</exception>
    public static WalkForwardOutcome Run(
        IReadOnlyList<WalkForwardWindow> windows,
        IReadOnlyList<SweepPoint> points,
        Func<SweepPoint, long, long, BacktestSetup?> setupFor,
        RankMetric metric,
        string title,
        int maxDegreeOfParallelism = 0,
        Action<int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(setupFor);
        var stopwatch = Stopwatch.StartNew();
        var steps = new List<WalkForwardStep>();
        long klines = 0;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            if (setupFor(points[0], window.TrainFromMs, window.TrainToMs) is null || setupFor(points[0], window.TestFromMs, window.TestToMs) is null)
            {
                progress?.Invoke(w + 1, windows.Count);
                continue;
            }

            var training = SweepRunner.Run(
                points, point => setupFor(point, window.TrainFromMs, window.TrainToMs)!, metric, maxDegreeOfParallelism, cancellationToken: cancellationToken);
            var chosen = training.Ranked[0];
            var test = new BacktestEngine(setupFor(chosen.Point, window.TestFromMs, window.TestToMs)!).Run(cancellationToken);
            klines += training.Klines + test.Klines;
            steps.Add(new WalkForwardStep(window, chosen, test));
            progress?.Invoke(w + 1, windows.Count);
        }

        if (steps.Count == 0)
        {
            throw new InvalidOperationException("No walk-forward window had data to train and test on; use shorter windows or more data.");
        }

        var (report, totals) = Stitch(steps, metric, title);
        return new WalkForwardOutcome(steps, report, totals, klines, stopwatch.Elapsed);
    }

    private static (BacktestReport Report, BacktestTotals Totals) Stitch(List<WalkForwardStep> steps, RankMetric metric, string title)
    {
        var curve = new List<EquityPoint>();
        var trades = new List<ClosedTrade>();
        var risk = new List<RiskEventRecord>();
        var charts = new SortedDictionary<string, (List<PricePoint> Prices, List<LevelSpan> Levels, List<FillMarker> Fills)>(StringComparer.Ordinal);
        var parameters = new List<KeyValuePair<string, string>> { new("walk-forward.rank", RankMetrics.Name(metric)) };
        var first = steps[0].OutOfSample.Totals;
        var level = first.InitialBalance;
        decimal wallet = 0m, realized = 0m, fees = 0m, funding = 0m, liquidationFees = 0m;
        long fills = 0, placed = 0, rejected = 0, denied = 0, liquidations = 0;
        var maxOpen = 0;
        var rejections = new SortedDictionary<int, RejectionCount>();
        foreach (var step in steps)
        {
            var result = step.OutOfSample;
            var report = result.Report;
            var start = report.EquityCurve[0].Equity;
            foreach (var point in report.EquityCurve)
            {
                curve.Add(point with { Equity = level + (point.Equity - start) });
            }

            level = curve[^1].Equity;
            trades.AddRange(report.Trades);
            risk.AddRange(report.RiskEvents);
            foreach (var chart in report.Symbols)
            {
                if (!charts.TryGetValue(chart.Symbol.Value, out var merged))
                {
                    charts[chart.Symbol.Value] = merged = ([], [], []);
                }

                merged.Prices.AddRange(chart.Prices);
                merged.Levels.AddRange(chart.Levels);
                merged.Fills.AddRange(chart.Fills);
            }

            var t = result.Totals;
            wallet += t.FinalWallet - t.InitialBalance;
            realized += t.RealizedPnl;
            fees += t.Fees;
            funding += t.Funding;
            liquidationFees += t.LiquidationFees;
            fills += t.Fills;
            placed += t.OrdersPlaced;
            rejected += t.OrdersRejected;
            denied += t.OrdersDenied;
            liquidations += t.Liquidations;
            maxOpen = Math.Max(maxOpen, t.MaxOpenOrders);
            foreach (var rejection in t.Rejections)
            {
                rejections[rejection.Code] = rejections.TryGetValue(rejection.Code, out var known)
                    ? known with { Count = known.Count + rejection.Count }
                    : rejection;
            }
            parameters.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"walk-forward.window-{step.Window.Index:00}"),
                $"train {Date(step.Window.TrainFromMs)} → {Date(step.Window.TrainToMs)}, test → {Date(step.Window.TestToMs)}: {step.Chosen.Point.Describe()}"));
        }

        var metrics = PerformanceCalculator.Compute(curve, trades, fees, funding);
        var symbols = charts.Select(c => new SymbolChart(new Domain.Identifiers.Symbol(c.Key), c.Value.Prices, c.Value.Levels, c.Value.Fills)).ToList();
        var stitched = new BacktestReport(title, parameters, metrics, trades, curve, symbols, risk);
        var finalWallet = first.InitialBalance + wallet;
        var totals = new BacktestTotals(
            first.InitialBalance, finalWallet, level, level - finalWallet, realized, fees, funding, liquidationFees, fills, placed, rejected, denied, liquidations, maxOpen, [.. rejections.Values]);
        return (stitched, totals);
    }

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
