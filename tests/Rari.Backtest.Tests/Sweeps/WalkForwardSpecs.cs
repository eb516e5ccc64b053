using System.Globalization;
using Rari.Backtest.Engine;
using Rari.Backtest.Sweeps;
using Rari.Backtest.Tests.Engine;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Sweeps;

public sealed class WalkForwardSpecs
{
    private const long Day = Backtests.DayMs;

    [Theory]
    [InlineData("train=30d,test=7d", 30 * Day, 7 * Day)]
    [InlineData("test=12h, train=2w", 14 * Day, 12 * 3_600_000L)]
    public void Should_read_a_walk_forward_plan(string text, long train, long test)
    {
        // act
        var plan = WalkForwardPlan.Parse(text);

        // assert
        Assert.Equal(new WalkForwardPlan(train, test), plan);
    }

    [Theory]
    [InlineData("train=30d")]
    [InlineData("train=30d,test=0d")]
    [InlineData("train=30x,test=7d")]
    [InlineData("train=30d,test=7d,train=2d")]
    [InlineData("window=3d")]
    public void Should_refuse_a_malformed_plan(string text)
    {
        // act
        var error = Assert.Throws<FormatException>(() => WalkForwardPlan.Parse(text));

        // assert
        Assert.Contains("train=LENGTH,test=LENGTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_tile_the_data_after_the_first_training_period_with_test_windows_that_never_overlap()
    {
        // arrange
        var plan = WalkForwardPlan.Parse("train=10d,test=3d");

        // act
        var windows = plan.Windows(0, 30 * Day);

        // assert
        Assert.Equal(7, windows.Count);
        Assert.Equal(10 * Day, windows[0].TestFromMs);
        Assert.Equal(30 * Day, windows[^1].TestToMs); // the last one is cut at the data's end
        for (var i = 0; i < windows.Count; i++)
        {
            Assert.Equal(windows[i].TrainToMs, windows[i].TestFromMs);
            Assert.Equal(windows[i].TestFromMs - (10 * Day), windows[i].TrainFromMs);
            if (i > 0)
            {
                Assert.Equal(windows[i - 1].TestToMs, windows[i].TestFromMs); // <-- contiguous, no overlap
            }
        }
    }

    [Fact]
    public void Should_report_only_the_out_of_sample_periods_each_traded_with_its_training_choice()
    {
        // arrange: ETH, training 2 days and testing 1 day, choosing among three grid spacings
        var series = Backtests.Series(Backtests.EthBreakout);
        var start = series.FirstOpenMs + Day;
        var windows = WalkForwardPlan.Parse("train=2d,test=1d").Windows(start, start + (5 * Day));
        var points = SweepPoint.Grid([SweepParameter.Parse("grid.spacing=0.004..0.008:0.002")]);

        // act
        var outcome = WalkForwardRunner.Run(windows, points, (point, from, to) => Setup(point, from, to), RankMetric.NetPnl, "wf", maxDegreeOfParallelism: 2);

        // assert
        Assert.Equal(3, outcome.Steps.Count);
        foreach (var step in outcome.Steps)
        {
            var report = step.OutOfSample.Report;
            Assert.All(report.EquityCurve, p => Assert.InRange(p.TimestampMs, step.Window.TestFromMs, step.Window.TestToMs));
            Assert.All(report.Trades, t => Assert.InRange(t.ExitTimeMs, step.Window.TestFromMs, step.Window.TestToMs));
            Assert.Contains(step.Chosen.Point, points);
        }

        var curve = outcome.Stitched.EquityCurve;
        Assert.True(curve[0].TimestampMs >= windows[0].TestFromMs); // <-- nothing from the first training period
        Assert.Equal(curve.OrderBy(p => p.TimestampMs).Select(p => p.TimestampMs), curve.Select(p => p.TimestampMs));
        Assert.Equal(outcome.Steps.Sum(s => s.OutOfSample.Report.Trades.Count), outcome.Stitched.Trades.Count);
        Assert.Equal(outcome.Steps.Sum(s => s.OutOfSample.Report.Metrics.NetPnl), outcome.Stitched.Metrics.NetPnl);
    }

    private static BacktestSetup? Setup(SweepPoint point, long from, long to)
    {
        var series = Backtests.Series(Backtests.EthBreakout);
        var market = BacktestMarket.Create(Backtests.Instruments["ETHUSDT"], series, 10, from, to, 240);
        if (market is null)
        {
            return null;
        }

        var spacing = decimal.Parse(point.Values[0].Value, CultureInfo.InvariantCulture);
        return Backtests.Setup(StrategyKind.Grid, [market], StrategySet.Default with { Grid = StrategySet.Default.Grid with { Spacing = spacing } });
    }
}
