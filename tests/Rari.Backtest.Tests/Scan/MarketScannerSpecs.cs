using Rari.Backtest.Data;
using Rari.Backtest.Scan;
using Rari.Backtest.Tests.Engine;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Backtest.Tests.Scan;

public sealed class MarketScannerSpecs
{
    [Fact]
    public void Should_score_a_quiet_range_for_the_grid_and_a_breakout_for_the_volatility_strategy()
    {
        // arrange: BTC's July 2023 range against ETH's May 2025 breakout, a week each
        var range = Backtests.Series(Backtests.BtcRange);
        var breakout = Backtests.Series(Backtests.EthBreakout);
        var rangeWeek = range.Slice(range.FirstOpenMs, range.FirstOpenMs + (7 * Backtests.DayMs))!;
        var breakoutWeek = breakout.Slice(breakout.FirstOpenMs + (3 * Backtests.DayMs), breakout.FirstOpenMs + (10 * Backtests.DayMs))!;

        // act
        var quiet = MarketScanner.Score(rangeWeek);
        var trending = MarketScanner.Score(breakoutWeek);

        // assert
        Assert.True(quiet.RangeBoundness > trending.RangeBoundness);
        Assert.True(trending.Trendiness > quiet.Trendiness);
        Assert.True(trending.AnnualizedVolatility > quiet.AnnualizedVolatility);
        Assert.InRange(quiet.EfficiencyRatio, 0, 1);
        Assert.InRange(quiet.GridScore, 0, 100);
        Assert.InRange(trending.VolatilityScore, 0, 100);
    }

    [Fact]
    public void Should_rank_by_grid_score_over_the_last_days_of_each_symbol()
    {
        // arrange
        var series = new[] { Backtests.Series(Backtests.BtcRange), Backtests.Series(Backtests.EthBreakout), Backtests.Series(Backtests.SolBreakout) };

        // act
        var rows = MarketScanner.Scan(series, 3 * Backtests.DayMs);

        // assert
        Assert.Equal(3, rows.Count);
        Assert.Equal(rows.OrderByDescending(r => r.GridScore).Select(r => r.Symbol), rows.Select(r => r.Symbol));
        Assert.All(rows, r => Assert.True(r.ToMs - r.FromMs < 3 * Backtests.DayMs));
    }

    [Fact]
    public void Should_pin_the_scores_of_a_flat_market_to_zero_movement()
    {
        // arrange: a price that never moves trades nothing, whatever its range-boundness
        var bars = Enumerable.Range(0, 2_000).Select(i => new Kline(TestKlines.Jan2024Ms + (i * 60_000L), 100m, 100m, 100m, 100m, 5m)).ToArray();

        // act
        var row = MarketScanner.Score(new BarSeries(new Symbol("FLATUSDT"), bars));

        // assert
        Assert.Equal(0, row.AnnualizedVolatility);
        Assert.Equal(0, row.VolatilityFit);
        Assert.Equal(0, row.GridScore);
        Assert.Equal(500, row.QuoteVolumePerMinute);
    }
}
