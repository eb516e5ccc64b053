using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Venue;

namespace Rari.Backtest.Tests.Engine;

/// <summary>
/// The engine hands the venue its bars unchecked (<c>OnCheckedKline</c>) only when every bar of the series' array passed
/// the venue's check once; otherwise every bar goes through the venue's own check, which stops the run at a bad one.
/// </summary>
public sealed class CheckedBarsSpecs
{
    [Fact]
    public void Should_call_recorded_bars_consistent_for_the_series_and_every_window_of_it()
    {
        // arrange
        var series = Backtests.Series(Backtests.BtcRange);

        // act
        var window = series.Slice(series.FirstOpenMs + Backtests.DayMs, series.FirstOpenMs + (2 * Backtests.DayMs))!;

        // assert
        Assert.True(series.AreBarsConsistent);
        Assert.True(window.AreBarsConsistent);
        Assert.True(window.WithHistory(100).AreBarsConsistent);
    }

    [Fact]
    public void Should_stop_at_a_bad_bar_as_the_venue_refuses_it_when_the_series_holds_one()
    {
        // arrange: a day of recorded bars, one of which closes above its high
        var recorded = Backtests.Series(Backtests.BtcRange);
        var bars = recorded.Bars.AsSpan(recorded.Start, 2_000).ToArray();
        ref var bad = ref bars[1_500];
        bad = bad with { Close = bad.High + 1m };
        var series = new BarSeries(recorded.Symbol, bars);
        var market = BacktestMarket.Create(Backtests.Instruments["BTCUSDT"], series, 10, long.MinValue, long.MaxValue, 240)!;
        var setup = new BacktestSetup([market], Backtests.Settings, m => new IdleStrategy(m.Symbol));

        // act
        var error = Assert.Throws<BacktestFailedException>(() => new BacktestEngine(setup).Run());

        // assert
        Assert.False(series.AreBarsConsistent);
        Assert.False(SimulatedVenue.IsConsistent(bars[1_500]));
        Assert.Contains($"Kline {bars[1_500].OpenTimeMs} of BTCUSDT is inconsistent", error.Message, StringComparison.Ordinal);
    }
}
