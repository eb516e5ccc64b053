using System.Diagnostics;
using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Backtest.Sweeps;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Node.Benchmarks;

/// <summary>
/// The backtester's benchmarks: single-symbol grid throughput beside a raw loop over the same bars, the hybrid
/// multi-symbol portfolio, the parameter sweep's scaling from one core to two, and the memory of a one-year backtest.
/// All data is loaded before the clock starts.
/// </summary>
internal sealed class BacktestBenchmarks(BenchOptions options, BenchBacktests backtests, TextWriter log)
{
    /// <summary>The single-symbol grid run's file: the longest recent ETHUSDT perpetual recording.</summary>
    public const string GridFile = "ETHUSDT-1m-20250504-20250624.csv.gz";

    private double _bytesPerKline;

    private int Repeats => options.Quick ? 2 : 10;

    /// <summary>Grid on one symbol, klines per second on one core (best of the repeats), beside the raw loop.</summary>
    public BenchFigure GridThroughput()
    {
        var series = Load(Path.Combine(options.PerpetualKlines, GridFile));
        var configuration = backtests.Configuration();
        var warmUps = options.Quick ? 3 : 20;
        var (best, perCpuSecond, klines) = Repeat("grid", warmUps, () => new BacktestEngine(backtests.Setup(series, StrategyKind.Grid, configuration)).Run());

        var limit = RawLoop(series[0]);
        return new BenchFigure(
            "backtest throughput, grid, one symbol",
            BenchFormat.Rate(best, "klines"),
            "≥ 5 M klines/s per core",
            best >= 5e6,
            $"ETHUSDT {klines:N0} bars, best of {Repeats} runs on one thread after {warmUps} untimed ({BenchFormat.Rate(perCpuSecond, "klines")} per CPU-second of the process, {_bytesPerKline:0} bytes allocated per kline); raw loop over the same bars (the limit): {BenchFormat.Rate(limit, "klines")}",
            new Dictionary<string, double> { ["bytesAllocatedPerKline"] = _bytesPerKline, ["klinesPerSecond"] = best, ["klinesPerCpuSecond"] = perCpuSecond, ["klines"] = klines, ["rawLoopKlinesPerSecond"] = limit });
    }

    /// <summary>Hybrid on every symbol of the perpetual data in one wallet.</summary>
    public BenchFigure HybridPortfolio()
    {
        var files = KlineFiles.Find([options.PerpetualKlines]);
        var series = KlineFiles.Load(files, []);
        var configuration = backtests.Configuration();
        var warmUps = options.Quick ? 0 : 1;
        var (best, perCpuSecond, klines) = Repeat("hybrid", warmUps, () => new BacktestEngine(backtests.Setup(series, StrategyKind.Hybrid, configuration)).Run());

        return new BenchFigure(
            "backtest throughput, hybrid, multi-symbol portfolio",
            BenchFormat.Rate(best, "klines"),
            "≥ 1 M klines/s per core",
            best >= 1e6,
            $"{series.Count} symbols ({files.Count} files of klines/binance-usdm, {klines:N0} bars), one wallet, best of {Repeats} runs on one thread after {warmUps} untimed ({BenchFormat.Rate(perCpuSecond, "klines")} per CPU-second of the process, {_bytesPerKline:0} bytes allocated per kline)",
            new Dictionary<string, double> { ["bytesAllocatedPerKline"] = _bytesPerKline, ["klinesPerSecond"] = best, ["klinesPerCpuSecond"] = perCpuSecond, ["klines"] = klines, ["symbols"] = series.Count });
    }

    /// <summary>A 100-point grid sweep (10 levels × 10 spacings) on one core, then on all cores.</summary>
    public BenchFigure SweepScaling()
    {
        var all = Load(Path.Combine(options.PerpetualKlines, "BTCUSDT-1m-20230718-20230817.csv.gz"))[0];
        var bars = options.Quick ? all.Slice(all.FirstOpenMs, all.FirstOpenMs + (7 * 86_400_000L))! : all;
        var parameters = new[] { SweepParameter.Parse("grid.levels=6..15:1"), SweepParameter.Parse("grid.spacing=0.010..0.028:0.002") };
        var points = SweepPoint.Grid(parameters);
        var configurations = new Dictionary<int, Rari.Node.Configuration.BacktestConfiguration>();
        foreach (var point in points)
        {
            var overrides = new string[point.Values.Count];
            for (var i = 0; i < overrides.Length; i++)
            {
                overrides[i] = $"{point.Values[i].Key}={point.Values[i].Value}";
            }

            configurations[point.Index] = backtests.Configuration(overrides);
        }

        BacktestSetup SetupFor(SweepPoint point) => backtests.Setup([bars], StrategyKind.Grid, configurations[point.Index]);
        var cores = Environment.ProcessorCount;
        var one = SweepRunner.Run(points, SetupFor, RankMetric.Sharpe, maxDegreeOfParallelism: 1);
        log.WriteLine($"  sweep on 1 core: {points.Count / one.Elapsed.TotalSeconds:0.0} backtests/s");
        var many = SweepRunner.Run(points, SetupFor, RankMetric.Sharpe, maxDegreeOfParallelism: cores);
        log.WriteLine($"  sweep on {cores} cores: {points.Count / many.Elapsed.TotalSeconds:0.0} backtests/s");
        var scaling = one.Elapsed.TotalSeconds / many.Elapsed.TotalSeconds;
        return new BenchFigure(
            "parameter sweep",
            $"{BenchFormat.Number(scaling, "0.00")}× from 1 to {cores} cores",
            "scales ≥ 1.8× from 1 to 2 cores",
            cores >= 2 ? scaling >= 1.8 : null,
            $"{points.Count} grid points on BTCUSDT ({bars.Count:N0} bars each): {points.Count / one.Elapsed.TotalSeconds:0.0} backtests/s on 1 core, {points.Count / many.Elapsed.TotalSeconds:0.0} on {cores}",
            new Dictionary<string, double>
            {
                ["points"] = points.Count,
                ["backtestsPerSecondOneCore"] = points.Count / one.Elapsed.TotalSeconds,
                ["backtestsPerSecondAllCores"] = points.Count / many.Elapsed.TotalSeconds,
                ["cores"] = cores,
                ["scaling"] = scaling,
            });
    }

    /// <summary>
    /// Peak resident memory of a grid backtest over a year of 1-minute bars (60 days in quick mode). No single symbol has
    /// a year recorded, so the year is ETHUSDT's 2025 recording played end to end several times, each pass scaled to
    /// start at the previous one's last close (rounded to the 0.01 tick) and shifted in time to follow it.
    /// </summary>
    public BenchFigure OneYearMemory()
    {
        var source = Load(Path.Combine(options.PerpetualKlines, GridFile))[0];
        var days = options.Quick ? 60 : 365;
        var year = StitchedSeries.Extend(source, days * 1440);
        var configuration = backtests.Configuration();
        var before = PeakMemory.Reset();
        var result = new BacktestEngine(backtests.Setup([year], StrategyKind.Grid, configuration)).Run();
        var peak = PeakMemory.Peak();
        return new BenchFigure(
            "memory, one-year 1m backtest",
            BenchFormat.Mebibytes(peak),
            "report; no growth over time",
            null,
            $"grid, {year.Count:N0} bars ({days} days of ETHUSDT 2025 played end to end); resident before the run {BenchFormat.Mebibytes(before)} (bars included); {BenchFormat.Rate(result.KlinesPerSecond, "klines")}",
            new Dictionary<string, double> { ["peakWorkingSetBytes"] = peak, ["workingSetBeforeBytes"] = before, ["bars"] = year.Count });
    }

    /// <summary>
    /// Runs a backtest <paramref name="warmUps"/> times untimed (so that the timed runs measure the JIT's optimised code,
    /// not its first tiers: ten runs of a grid over 73 k bars take under a second), then <see cref="Repeats"/> times; the
    /// best wall-clock rate, the best rate per CPU-second the whole
    /// process used meanwhile (the JIT's and the GC's threads included: on a shared machine it shows the work, not the
    /// waiting), and the bars per run.
    /// </summary>
    private (double Best, double PerCpuSecond, long Klines) Repeat(string label, int warmUps, Func<Rari.Backtest.Results.BacktestResult> run)
    {
        for (var i = 0; i < warmUps; i++)
        {
            run();
        }

        var best = 0.0;
        var perCpuSecond = 0.0;
        long klines = 0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Repeats; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var result = run();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            _bytesPerKline = (double)allocated / result.Klines;
            klines = result.Klines;
            best = Math.Max(best, result.KlinesPerSecond);
            perCpuSecond = Math.Max(perCpuSecond, cpu > 0 ? klines / cpu : 0);
            log.WriteLine($"  {label} run {i + 1}: {BenchFormat.Rate(result.KlinesPerSecond, "klines")}, {BenchFormat.Rate(cpu > 0 ? klines / cpu : 0, "klines")} per CPU-second, {_bytesPerKline:0} bytes allocated per kline (setup and report included)");
        }

        return (best, perCpuSecond, klines);
    }

    /// <summary>
    /// The raw loop: reads every bar of the series and folds its prices (a decimal sum of the closes and the widest
    /// range), the least a strategy does with a bar. Best of the repeats.
    /// </summary>
    private double RawLoop(BarSeries series)
    {
        var bars = series.Bars;
        var passes = options.Quick ? 5 : 20;
        var best = 0.0;
        decimal sink = 0;
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var pass = 0; pass < passes; pass++)
            {
                sink += Fold(bars, series.Start, series.End);
            }

            best = Math.Max(best, (double)passes * series.Count / stopwatch.Elapsed.TotalSeconds);
        }

        GC.KeepAlive(sink);
        return best;
    }

    private static decimal Fold(Kline[] bars, int start, int end)
    {
        decimal sum = 0;
        decimal widest = 0;
        for (var i = start; i < end; i++)
        {
            ref readonly var bar = ref bars[i];
            sum += bar.Close;
            var range = bar.High - bar.Low;
            if (range > widest)
            {
                widest = range;
            }
        }

        return sum + widest;
    }

    private static IReadOnlyList<BarSeries> Load(string file) => KlineFiles.Load([file], Array.Empty<Symbol>());
}
