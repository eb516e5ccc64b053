using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Backtest.Output;
using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Backtest.Sweeps;
using Rari.Domain.Instruments;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.Node.Commands;
using Rari.Node.Configuration;

namespace Rari.Node.Backtesting;

/// <summary>
/// Carries out a checked <see cref="BacktestRequest"/>: composes the configuration, loads the data once, runs a single
/// backtest, a sweep or a walk-forward, writes the reports and prints the summary.
/// </summary>
public sealed class BacktestJob
{
    /// <summary>Exit code for a run that stopped because a strategy or the venue failed.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Exit code for bad arguments, configuration or data.</summary>
    public const int UsageExitCode = 2;

    private const long DayMs = 86_400_000;

    private readonly BacktestRequest _request;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly bool _showProgress;

    /// <summary>Creates the job.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="output">Where the summary goes (stdout).</param>
    /// <param name="error">Where problems, warnings and the progress bar go (stderr).</param>
    /// <param name="showProgress">Whether to draw a progress bar (only on a terminal).</param>
    public BacktestJob(BacktestRequest request, TextWriter output, TextWriter error, bool showProgress)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _error = error ?? throw new ArgumentNullException(nameof(error));
        _showProgress = showProgress;
    }

    /// <summary>Runs the job; returns the exit code (0 success, 1 a strategy failed during the run, 2 bad configuration or data).</summary>
    public int Run(CancellationToken cancellationToken = default)
    {
        Config reference;
        Config? user;
        IReadOnlyList<BarSeries> series;
        try
        {
            reference = RariConfig.Load(ConfigFiles.ReferencePath());
            user = _request.ConfigFile is { } file ? RariConfig.Load(file) : null;
            series = KlineFiles.Load(KlineFiles.Find(_request.Data), _request.Symbols);
        }
        catch (SettingsException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            return Fail(e.Message);
        }

        var points = SweepPoint.Grid(_request.Sweep);
        var configurations = new BacktestConfiguration[points.Count];
        var problems = new List<string>();
        foreach (var point in points)
        {
            try
            {
                var overrides = _request.Overrides.Concat(point.Values.Select(v => ConfigOverride.Parse($"{v.Key}={v.Value}"))).ToList();
                configurations[point.Index] = BacktestConfiguration.Create(RariConfig.Compose(reference, user, overrides));
            }
            catch (SettingsException e)
            {
                problems.Add(points.Count == 1 ? e.Message : $"With {point.Describe()}: {e.Message}");
                if (problems.Count >= 5)
                {
                    break;
                }
            }
        }

        if (problems.Count > 0)
        {
            return Fail(string.Join(Environment.NewLine, problems));
        }

        InstrumentCatalog catalog;
        try
        {
            catalog = new InstrumentCatalog(_request.InstrumentsFile);
        }
        catch (InvalidDataException e)
        {
            return Fail(e.Message);
        }

        var instruments = new Instrument[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            (instruments[i], var derived) = catalog.For(series[i]);

            // Only what the period trades deserves a word.
            if (series[i].Slice(_request.FromMs, _request.ToMs) is not { } period)
            {
                continue;
            }

            if (derived)
            {
                _error.WriteLine($"rari backtest: {series[i].Symbol} has no instrument definition; its filters are derived from its prices (tick {instruments[i].PriceFilter.TickSize}, step {instruments[i].LotSize.StepSize}).");
            }

            foreach (var gap in KlineFiles.DescribeGaps(period, DayMs))
            {
                _error.WriteLine($"rari backtest: warning: {gap}; the strategies see the gap as time passing without bars.");
            }
        }

        var runs = new RunFactory(_request, series, instruments, configurations);
        Directory.CreateDirectory(_request.OutDirectory);
        try
        {
            if (_request.WalkForward is { } plan)
            {
                return RunWalkForward(runs, points, plan, cancellationToken);
            }

            return points.Count > 1 ? RunSweep(runs, points, cancellationToken) : RunSingle(runs, cancellationToken);
        }
        catch (BacktestFailedException e)
        {
            _error.WriteLine();
            _error.WriteLine("rari backtest: " + e.Message);
            return FailureExitCode;
        }
    }

    private int RunSingle(RunFactory runs, CancellationToken cancellationToken)
    {
        if (runs.Setup(SweepPoint.Empty, _request.FromMs, _request.ToMs) is not { } setup)
        {
            return Fail(NothingToTrade());
        }

        using var bar = Progress("backtest");
        var result = new BacktestEngine(setup with { Progress = bar is null ? null : bar.Report }).Run(cancellationToken);
        bar?.Dispose();
        var (json, html) = WriteReport(result.Report);
        _output.Write(ConsoleText.Summary(result.Report.Title, result.Report.Metrics, result.Totals));
        _output.WriteLine();
        WritePaths(json, html);
        _output.WriteLine(Speed(result.Klines, result.Elapsed, 1));
        return 0;
    }

    private int RunSweep(RunFactory runs, IReadOnlyList<SweepPoint> points, CancellationToken cancellationToken)
    {
        if (runs.Setup(points[0], _request.FromMs, _request.ToMs) is null)
        {
            return Fail(NothingToTrade());
        }

        using var bar = Progress($"sweep of {points.Count} runs");
        var outcome = SweepRunner.Run(
            points,
            point => runs.Setup(point, _request.FromMs, _request.ToMs)!,
            _request.Rank,
            _request.Parallelism,
            bar is null ? null : (done, total) => bar.Report((double)done / total),
            cancellationToken);
        bar?.Dispose();
        var sweepPath = Path.Combine(_request.OutDirectory, "sweep.json");
        File.WriteAllText(sweepPath, SweepJsonWriter.Serialize(outcome));
        var (json, html) = WriteReport(outcome.Best.Report);
        _output.Write(ConsoleText.Sweep(outcome));
        _output.WriteLine();
        _output.Write(ConsoleText.Summary("Best run: " + outcome.Best.Report.Title, outcome.Best.Report.Metrics, outcome.Best.Totals));
        _output.WriteLine();
        _output.WriteLine($"Sweep:  {Path.GetFullPath(sweepPath)}");
        WritePaths(json, html);
        _output.WriteLine(Speed(outcome.Klines, outcome.Elapsed, _request.Parallelism));
        return 0;
    }

    private int RunWalkForward(RunFactory runs, IReadOnlyList<SweepPoint> points, WalkForwardPlan plan, CancellationToken cancellationToken)
    {
        var start = Math.Max(_request.FromMs, runs.DataStartMs);
        var end = Math.Min(_request.ToMs, runs.DataEndMs);
        var windows = plan.Windows(start, end);
        if (windows.Count == 0)
        {
            return Fail($"--walk-forward {plan}: the data from {CommandValues.Date(start)} to {CommandValues.Date(end)} UTC is shorter than one training period plus some test data.");
        }

        using var bar = Progress($"walk-forward over {windows.Count} windows");
        WalkForwardOutcome outcome;
        try
        {
            outcome = WalkForwardRunner.Run(
                windows,
                points,
                runs.Setup,
                _request.Rank,
                $"walk-forward {plan} of {runs.Describe(start, end)}",
                _request.Parallelism,
                bar is null ? null : (done, total) => bar.Report((double)done / total),
                cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return Fail(e.Message);
        }

        bar?.Dispose();
        var walkPath = Path.Combine(_request.OutDirectory, "walk-forward.json");
        File.WriteAllText(walkPath, SweepJsonWriter.Serialize(outcome, _request.Rank));
        var (json, html) = WriteReport(outcome.Stitched);
        _output.Write(ConsoleText.WalkForward(outcome));
        _output.WriteLine();
        _output.Write(ConsoleText.Summary("Out of sample, stitched: " + outcome.Stitched.Title, outcome.Stitched.Metrics, outcome.Totals));
        _output.WriteLine();
        _output.WriteLine($"Walk-forward: {Path.GetFullPath(walkPath)}");
        WritePaths(json, html);
        _output.WriteLine(Speed(outcome.Klines, outcome.Elapsed, _request.Parallelism));
        return 0;
    }

    private (string Json, string Html) WriteReport(BacktestReport report)
    {
        var json = Path.Combine(_request.OutDirectory, "report.json");
        var html = Path.Combine(_request.OutDirectory, "report.html");
        ReportJsonWriter.Write(report, json);
        ReportHtmlWriter.Write(report, html);
        return (json, html);
    }

    private void WritePaths(string json, string html)
    {
        _output.WriteLine($"Report: {Path.GetFullPath(json)}");
        _output.WriteLine($"        {Path.GetFullPath(html)}");
    }

    private ProgressBar? Progress(string label) => _showProgress ? new ProgressBar(_error, label) : null;

    private string NothingToTrade() =>
        $"No bars left to trade in the period after the warm-up; the data spans less than the warm-up ({string.Join(", ", _request.Data)}). Use a longer period, or lower rari.backtest.warm-up-bars.";

    private int Fail(string message)
    {
        _error.WriteLine("rari backtest: " + message);
        return UsageExitCode;
    }

    private static string Speed(long klines, TimeSpan elapsed, int cores) =>
        FormattableString.Invariant(
            $"Processed {klines:N0} klines in {elapsed.TotalSeconds:0.00} s: {(elapsed > TimeSpan.Zero ? klines / elapsed.TotalSeconds : 0):N0} klines/s{(cores > 1 ? $" on up to {cores} cores" : string.Empty)}.");

    /// <summary>Builds the setup of a combination over a period; thread-safe (sweeps call it from several threads).</summary>
    private sealed class RunFactory(BacktestRequest request, IReadOnlyList<BarSeries> series, Instrument[] instruments, BacktestConfiguration[] configurations)
    {
        public long DataStartMs => series.Min(s => s.FirstOpenMs);

        public long DataEndMs => series.Max(s => s.LastOpenMs + s.BarMs);

        public BacktestSetup? Setup(SweepPoint point, long fromMs, long toMs)
        {
            var configuration = configurations[point.Index];
            var settings = configuration.Backtest;
            var assets = configuration.Rari.Assets;
            var markets = new List<BacktestMarket>(series.Count);
            for (var i = 0; i < series.Count; i++)
            {
                var leverage = assets.For(series[i].Symbol).Leverage;
                if (BacktestMarket.Create(instruments[i], series[i], leverage, fromMs, toMs, settings.WarmUpBars) is { } market)
                {
                    markets.Add(market);
                }
            }

            if (markets.Count == 0)
            {
                return null;
            }

            var strategies = new StrategySet(configuration.Rari.Grid, configuration.Rari.Volatility, configuration.Rari.Hybrid);
            var kinds = markets.ToDictionary(m => m.Symbol, m => request.Kind ?? assets.For(m.Symbol).PreferredStrategy);
            var start = markets.Min(m => m.TradeFromMs);
            var end = markets.Max(m => m.Bars.LastOpenMs + m.Bars.BarMs);
            return new BacktestSetup(markets, settings, market => strategies.Create(kinds[market.Symbol], market.Symbol))
            {
                Title = $"{request.StrategyName} on {string.Join(", ", markets.Select(m => m.Symbol.Value))}, {CommandValues.Date(start)} → {CommandValues.Date(end)} UTC",
                Parameters = Parameters(configuration, markets, kinds.Values),
                Assets = assets,
            };
        }

        public string Describe(long fromMs, long toMs) =>
            $"{request.StrategyName} on {string.Join(", ", series.Select(s => s.Symbol.Value))}, {CommandValues.Date(fromMs)} → {CommandValues.Date(toMs)} UTC";

        private List<KeyValuePair<string, string>> Parameters(
            BacktestConfiguration configuration, List<BacktestMarket> markets, IEnumerable<StrategyKind> kinds)
        {
            var blocks = new List<string> { "backtest", "risk" };
            foreach (var kind in kinds.Distinct().Order())
            {
                blocks.AddRange(kind switch
                {
                    StrategyKind.Grid => ["grid"],
                    StrategyKind.Volatility => ["volatility", "sizing"],
                    _ => ["grid", "volatility", "sizing", "hybrid"],
                });
            }

            foreach (var market in markets)
            {
                var symbolBlock = $"assets.{market.Symbol.Value}";
                blocks.Add(configuration.Root.HasPath($"{RariSettingsLoader.Path}.{symbolBlock}") ? symbolBlock : "assets.default");
            }

            var parameters = configuration.Parameters(blocks).ToList();
            parameters.Add(new("run.strategy", request.StrategyName));
            parameters.Add(new("run.data", string.Join(", ", markets.Select(m => $"{m.Symbol} {CommandValues.Date(m.Bars.FirstOpenMs)} → {CommandValues.Date(m.Bars.LastOpenMs)}"))));
            parameters.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return parameters;
        }
    }
}
