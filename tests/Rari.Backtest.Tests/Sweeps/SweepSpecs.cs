using System.Globalization;
using Rari.Backtest.Engine;
using Rari.Backtest.Sweeps;
using Rari.Backtest.Tests.Engine;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Sweeps;

public sealed class SweepSpecs
{
    [Theory]
    [InlineData("grid.levels=8..16:2", "grid.levels", "8,10,12,14,16")]
    [InlineData("rari.grid.spacing=0.01..0.03:0.005", "grid.spacing", "0.01,0.015,0.02,0.025,0.03")]
    [InlineData("volatility.z-score-threshold=1.5..2.4:0.5", "volatility.z-score-threshold", "1.5,2")]
    [InlineData("grid.levels=10..10:1", "grid.levels", "10")]
    public void Should_read_a_sweep_range_into_exact_values(string text, string key, string values)
    {
        // act
        var parameter = SweepParameter.Parse(text);

        // assert
        Assert.Equal(key, parameter.Key);
        Assert.Equal(values.Split(','), parameter.Values());
    }

    [Theory]
    [InlineData("grid.levels", "is not key=from..to:step")]
    [InlineData("grid.levels=8-16", "is not key=from..to:step")]
    [InlineData("grid.levels=a..16:2", "must be numbers")]
    [InlineData("grid.levels=16..8:2", "from must not exceed to")]
    [InlineData("grid.levels=8..16:0", "the step must be positive")]
    [InlineData("grid.spacing=0..1:0.0001", "more than 1000 values")]
    public void Should_refuse_a_malformed_sweep_range_saying_why(string text, string why)
    {
        // act
        var error = Assert.Throws<FormatException>(() => SweepParameter.Parse(text));

        // assert
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_expand_parameters_into_their_cartesian_grid_with_the_last_varying_fastest()
    {
        // arrange
        var parameters = new[] { SweepParameter.Parse("grid.levels=8..12:2"), SweepParameter.Parse("grid.spacing=0.01..0.02:0.01") };

        // act
        var points = SweepPoint.Grid(parameters);

        // assert
        Assert.Equal(6, points.Count);
        Assert.Equal(
            ["grid.levels=8 grid.spacing=0.01", "grid.levels=8 grid.spacing=0.02", "grid.levels=10 grid.spacing=0.01",
             "grid.levels=10 grid.spacing=0.02", "grid.levels=12 grid.spacing=0.01", "grid.levels=12 grid.spacing=0.02"],
            points.Select(p => p.Describe()));
        Assert.Equal(Enumerable.Range(0, 6), points.Select(p => p.Index));
    }

    [Fact]
    public void Should_refuse_a_key_swept_twice()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => SweepPoint.Grid([SweepParameter.Parse("grid.levels=8..9:1"), SweepParameter.Parse("grid.levels=10..11:1")]));

        // assert
        Assert.Contains("grid.levels twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_run_every_combination_in_parallel_and_rank_them_best_first()
    {
        // arrange: 3 spacings × 2 level counts of a grid on two days of ETH's breakout
        var points = SweepPoint.Grid([SweepParameter.Parse("grid.spacing=0.004..0.008:0.002"), SweepParameter.Parse("grid.levels=6..8:2")]);
        var market = Backtests.Market(Backtests.EthBreakout, days: 2, offsetDays: 2);

        // act
        var outcome = SweepRunner.Run(points, point => Setup(point, market), RankMetric.NetPnl, maxDegreeOfParallelism: 2);

        // assert
        Assert.Equal(6, outcome.Ranked.Count); // <-- the cartesian count
        Assert.Equal(points.Select(p => p.Index).Order(), outcome.Ranked.Select(r => r.Point.Index).Order());
        for (var i = 1; i < outcome.Ranked.Count; i++)
        {
            Assert.True(outcome.Ranked[i - 1].Score >= outcome.Ranked[i].Score);
        }

        Assert.Equal(outcome.Ranked[0].Metrics, outcome.Best.Report.Metrics);
        Assert.All(outcome.Ranked, r => Assert.Equal((double)r.Metrics.NetPnl, r.Score));
        Assert.Equal(6 * (long)market.Bars.Count, outcome.Klines);
    }

    [Fact]
    public void Should_rank_the_same_way_whatever_order_the_runs_finish_in()
    {
        // arrange
        var points = SweepPoint.Grid([SweepParameter.Parse("grid.spacing=0.004..0.01:0.002")]);
        var market = Backtests.Market(Backtests.EthBreakout, days: 1, offsetDays: 3);

        // act
        var serial = SweepRunner.Run(points, point => Setup(point, market), RankMetric.Sharpe, maxDegreeOfParallelism: 1);
        var parallel = SweepRunner.Run(points, point => Setup(point, market), RankMetric.Sharpe, maxDegreeOfParallelism: 4);

        // assert
        Assert.Equal(serial.Ranked.Select(r => (r.Point.Index, r.Score)), parallel.Ranked.Select(r => (r.Point.Index, r.Score)));
        Assert.Equal(SweepJsonWriter.Serialize(serial), SweepJsonWriter.Serialize(parallel));
    }

    [Fact]
    public void Should_leave_failed_runs_out_of_the_ranking_and_list_them()
    {
        // arrange: the middle spacing's strategy fails
        var points = SweepPoint.Grid([SweepParameter.Parse("grid.spacing=0.004..0.008:0.002")]);
        var market = Backtests.Market(Backtests.EthBreakout, days: 1, offsetDays: 3);
        BacktestSetup SetupFor(SweepPoint point) => point.Index == 1
            ? new BacktestSetup([market], Backtests.Settings, m => new ThrowingStrategy(m.Symbol))
            : Setup(point, market);

        // act
        var outcome = SweepRunner.Run(points, SetupFor, RankMetric.Sharpe, maxDegreeOfParallelism: 2);

        // assert
        Assert.Equal([0, 2], outcome.Ranked.Select(r => r.Point.Index).Order());
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(1, failure.Point.Index);
        Assert.Contains("the plan has a negative price", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("\"failed\": [", SweepJsonWriter.Serialize(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fail_when_every_run_failed()
    {
        // arrange
        var points = SweepPoint.Grid([SweepParameter.Parse("grid.levels=6..8:2")]);
        var market = Backtests.Market(Backtests.EthBreakout, days: 1, offsetDays: 3);

        // act
        var error = Assert.Throws<BacktestFailedException>(() => SweepRunner.Run(
            points, _ => new BacktestSetup([market], Backtests.Settings, m => new ThrowingStrategy(m.Symbol)), RankMetric.Sharpe));

        // assert
        Assert.StartsWith("All 2 runs of the sweep failed; the first, with grid.levels=6:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sharpe", RankMetric.Sharpe)]
    [InlineData("Net-PnL", RankMetric.NetPnl)]
    [InlineData("drawdown", RankMetric.Drawdown)]
    public void Should_read_rank_metric_names(string text, RankMetric expected)
    {
        // act
        var parsed = RankMetrics.TryParse(text, out var metric);

        // assert
        Assert.True(parsed);
        Assert.Equal(expected, metric);
    }

    private static BacktestSetup Setup(SweepPoint point, BacktestMarket market)
    {
        var grid = GridSettings.Default;
        foreach (var (key, value) in point.Values)
        {
            grid = key switch
            {
                "grid.spacing" => grid with { Spacing = decimal.Parse(value, CultureInfo.InvariantCulture) },
                "grid.levels" => grid with { LevelCount = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException(key),
            };
        }

        return Backtests.Setup(StrategyKind.Grid, [market], StrategySet.Default with { Grid = grid });
    }
}
