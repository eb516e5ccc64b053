using Rari.Domain.Analytics;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.TestKit;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskMonitorDrawdownSpecs
{
    private const long T = TestKlines.Jan2024Ms + 3_600_000;

    private static readonly RiskMonitor Monitor = new(RiskSettings.Default with { MaxDrawdown = 0.2m, MaxDailyLoss = 0.9m });

    private static RiskState Fold(RiskMonitor monitor, RiskState state, params RiskInput[] inputs)
    {
        foreach (var input in inputs)
        {
            state = state.ApplyAll(monitor.Decide(state, input).Events);
        }

        return state;
    }

    [Fact]
    public void Should_journal_a_new_peak_only_once_it_clears_the_last_by_the_step()
    {
        // arrange
        var state = Fold(Monitor, RiskState.Empty, new EquityObserved(T, 10_000m));

        // act: the step is 0.1 %, so 10,010 is the first new peak worth writing
        var below = Monitor.Decide(state, new EquityObserved(T + 1, 10_009.99m));
        var at = Monitor.Decide(state, new EquityObserved(T + 2, 10_010m));

        // assert
        Assert.Same(RiskDecision.None, below);
        Assert.Equal([new EquityPeakRecorded(T + 2, 10_010m)], at.Events);
    }

    [Fact]
    public void Should_halt_cancel_and_flatten_at_the_maximum_drawdown()
    {
        // arrange
        var state = Fold(Monitor, RiskState.Empty, new EquityObserved(T, 10_000m), new EquityObserved(T + 1, 12_000m));
        const string reason = "drawdown 2400 USDT is 20% of the equity peak 12000 USDT, at or beyond the 20% limit";

        // act
        var decision = Monitor.Decide(state, new EquityObserved(T + 2, 9_600m));

        // assert
        Assert.Equal([new TradingHalted(T + 2, null, HaltCause.MaxDrawdown, TradingState.Halted, reason)], decision.Events);
        Assert.Equal([new CancelEntryOrders(null, reason), new ClosePositions(null, reason)], decision.Commands);
    }

    [Fact]
    public void Should_restart_the_peak_from_the_first_reading_after_the_halt_is_lifted()
    {
        // arrange
        var halted = Fold(Monitor, RiskState.Empty, new EquityObserved(T, 10_000m), new EquityObserved(T + 1, 8_000m));
        var resumed = Fold(Monitor, halted, new ResumeTrading(T + 2, null, "operator", HaltCause.MaxDrawdown));

        // act
        var decision = Monitor.Decide(resumed, new EquityObserved(T + 3, 7_900m));

        // assert
        Assert.Equal(TradingState.Halted, halted.GlobalTradingState);
        Assert.Equal(TradingState.Active, resumed.GlobalTradingState);
        Assert.Equal([new EquityPeakRecorded(T + 3, 7_900m)], decision.Events);
    }

    [Theory]
    [InlineData(11, 0)]
    [InlineData(12, 0.001)]
    [InlineData(13, 0.01)]
    public void Should_measure_drawdown_as_the_drawdown_tracker_does_within_the_journal_step(int seed, double step)
    {
        // arrange
        var monitor = new RiskMonitor(RiskSettings.Default with { PeakJournalStep = (decimal)step, MaxDailyLoss = 0.99m });
        var tracker = new DrawdownTracker();
        var random = new Random(seed);
        var state = RiskState.Empty;
        var equity = 10_000m;

        for (var i = 0; i < 5_000; i++)
        {
            // act: a random walk of equity readings within one day
            equity = Math.Max(1m, equity + (random.Next(-1_000, 1_001) / 100m));
            var time = T + i;
            state = state.ApplyAll(monitor.Decide(state, new EquityObserved(time, equity)).Events);
            tracker.Update(time, equity);

            // assert: exact without a step; understated by at most the step with one
            var gap = tracker.CurrentDrawdownFraction - state.DrawdownFraction(equity);
            if (step == 0)
            {
                Assert.Equal(tracker.CurrentDrawdownFraction, state.DrawdownFraction(equity));
            }
            else
            {
                Assert.InRange(gap, 0m, (decimal)step);
            }
        }
    }
}
