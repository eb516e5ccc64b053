using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.TestKit;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskMonitorLossSpecs
{
    private const long Day = TestKlines.Jan2024Ms;
    private const long T = Day + 3_600_000;
    private const long NextDay = Day + RiskMonitor.DayMs;
    private const string LimitHit = "daily loss 1500 USDT is 15% of the day's starting equity 10000 USDT, at or beyond the 15% limit";

    private static readonly RiskMonitor Monitor = new(RiskSettings.Default);

    private static RiskState Fold(RiskMonitor monitor, RiskState state, params RiskInput[] inputs)
    {
        foreach (var input in inputs)
        {
            state = state.ApplyAll(monitor.Decide(state, input).Events);
        }

        return state;
    }

    private static RiskState Started(decimal equity = 10_000m, RiskMonitor? monitor = null) =>
        Fold(monitor ?? Monitor, RiskState.Empty, new EquityObserved(T, equity));

    [Fact]
    public void Should_start_the_day_and_the_peak_at_the_first_reading()
    {
        // act
        var decision = Monitor.Decide(RiskState.Empty, new EquityObserved(T, 10_000m));

        // assert
        Assert.Equal([new DayStarted(T, Day, 10_000m), new EquityPeakRecorded(T, 10_000m)], decision.Events);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Should_halt_cancel_and_flatten_at_exactly_the_daily_loss_limit()
    {
        // act
        var decision = Monitor.Decide(Started(), new EquityObserved(T + 1, 8_500m));

        // assert
        Assert.Equal([new TradingHalted(T + 1, null, HaltCause.DailyLoss, TradingState.Halted, LimitHit)], decision.Events);
        Assert.Equal([new CancelEntryOrders(null, LimitHit), new ClosePositions(null, LimitHit)], decision.Commands);
    }

    [Theory]
    [InlineData("10000", "8500.01", false)]
    [InlineData("10000", "8500.00", true)]
    [InlineData("12345.67", "10493.8196", false)]
    [InlineData("12345.67", "10493.8195", true)] // 12,345.67 × 0.85 exactly
    public void Should_trip_on_the_exact_decimal_threshold(string baseline, string equity, bool trips)
    {
        // arrange
        var state = Started(decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture));

        // act
        var decision = Monitor.Decide(state, new EquityObserved(T + 1, decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture)));

        // assert
        Assert.Equal(trips, decision.Events.OfType<TradingHalted>().Any());
    }

    [Fact]
    public void Should_only_cancel_entries_when_flattening_is_off()
    {
        // arrange
        var monitor = new RiskMonitor(RiskSettings.Default with { FlattenOnLossHalt = false });

        // act
        var decision = monitor.Decide(Started(monitor: monitor), new EquityObserved(T + 1, 8_000m));

        // assert
        Assert.Equal([new CancelEntryOrders(null, "daily loss 2000 USDT is 20% of the day's starting equity 10000 USDT, at or beyond the 15% limit")], decision.Commands);
    }

    [Fact]
    public void Should_decide_nothing_more_while_already_halted()
    {
        // arrange
        var state = Fold(Monitor, Started(), new EquityObserved(T + 1, 8_500m));

        // act
        var decision = Monitor.Decide(state, new EquityObserved(T + 2, 8_000m));

        // assert
        Assert.Same(RiskDecision.None, decision);
        Assert.Equal(TradingState.Halted, state.GlobalTradingState);
    }

    [Fact]
    public void Should_lift_the_halt_and_take_a_new_baseline_at_the_next_utc_day()
    {
        // arrange
        var state = Fold(Monitor, Started(), new EquityObserved(T + 1, 8_500m));

        // act
        var decision = Monitor.Decide(state, new UtcDayStarted(NextDay, 8_400m));
        var after = state.ApplyAll(decision.Events);

        // assert
        Assert.Equal(
            [
                new TradingResumed(NextDay, null, HaltCause.DailyLoss, "a new UTC day began: the daily loss limit starts over"),
                new DayStarted(NextDay, NextDay, 8_400m),
            ],
            decision.Events);
        Assert.Empty(decision.Commands);
        Assert.Equal((TradingState.Active, 8_400m, false), (after.GlobalTradingState, after.DayBaselineEquity, after.BaselineRebasePending));
    }

    [Fact]
    public void Should_stay_halted_across_days_until_resumed_when_configured()
    {
        // arrange
        var monitor = new RiskMonitor(RiskSettings.Default with { DailyLossResetsAtNewDay = false });
        var state = Fold(monitor, Started(monitor: monitor), new EquityObserved(T + 1, 8_500m));

        // act
        var decision = monitor.Decide(state, new EquityObserved(NextDay + 5, 8_400m));
        var after = state.ApplyAll(decision.Events);

        // assert
        Assert.Equal([new DayStarted(NextDay + 5, NextDay, 8_400m)], decision.Events);
        Assert.Equal(TradingState.Halted, after.GlobalTradingState);
    }

    [Fact]
    public void Should_measure_the_days_loss_afresh_from_the_first_reading_after_a_manual_resume()
    {
        // arrange
        var monitor = new RiskMonitor(RiskSettings.Default with { DailyLossResetsAtNewDay = false });
        var halted = Fold(monitor, Started(monitor: monitor), new EquityObserved(T + 1, 8_500m));

        // act
        var resume = monitor.Decide(halted, new ResumeTrading(T + 2, null, "operator: loss understood"));
        var resumed = halted.ApplyAll(resume.Events);
        var next = monitor.Decide(resumed, new EquityObserved(T + 3, 8_400m));

        // assert
        Assert.Equal([new TradingResumed(T + 2, null, null, "operator: loss understood")], resume.Events);
        Assert.True(resumed.BaselineRebasePending);
        Assert.Equal(
            [new DailyBaselineReset(T + 3, 8_400m, "trading resumed after a daily-loss halt: the day's loss is measured from here")],
            next.Events);
        Assert.Empty(next.Commands);
    }

    [Fact]
    public void Should_check_the_equity_that_comes_with_a_fill()
    {
        // act
        var decision = Monitor.Decide(Started(), new FillObserved(TestFills.Sell("BTCUSDT", 1m, 40_000m, timestampMs: T + 1), 8_500m));

        // assert
        Assert.Equal([new TradingHalted(T + 1, null, HaltCause.DailyLoss, TradingState.Halted, LimitHit)], decision.Events);
    }

    [Fact]
    public void Should_not_take_a_withdrawal_for_a_loss()
    {
        // arrange
        var state = Fold(Monitor, Started(), new FundsTransferred(T + 1, -2_000m));

        // act
        var decision = Monitor.Decide(state, new EquityObserved(T + 2, 8_000m));

        // assert
        Assert.Equal((8_000m, 8_000m), (state.DayBaselineEquity, state.EquityPeak));
        Assert.Same(RiskDecision.None, decision);
    }
}
