using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskStateRecoverySpecs
{
    private const long T = TestKlines.Jan2024Ms + 3_600_000;

    private static readonly RiskMonitor Monitor = new(RiskSettings.Default with { MaxDrawdown = 0.3m, DailyLossResetsAtNewDay = false });

    // A day of trading: a peak, a breaker, a manual reduce, a daily-loss halt, a new day, a stale stream.
    private static readonly RiskInput[] Scenario =
    [
        new EquityObserved(T, 10_000m),
        new EquityObserved(T + 1_000, 10_500m),
        new BarReturnObserved(T + 60_000, Btc.Symbol, 0.08m, 0.001m),
        new HaltTrading(T + 61_000, Eth.Symbol, "news", TradingState.Reducing),
        new FundsTransferred(T + 62_000, 500m),
        new EquityObserved(T + 120_000, 8_900m),
        new TimePassed(T + 1_000_000),
        new EquityObserved(T + RiskMonitor.DayMs, 9_100m),
        new CriticalErrorDetected(T + RiskMonitor.DayMs + 1, HaltCause.UserStreamStale, "no event for 65 s"),
        new FlattenPositions(T + RiskMonitor.DayMs + 2, Sol.Symbol, "delisting"),
    ];

    private static (RiskState State, List<IRiskEvent> Journal, List<RiskCommand> Commands) Run()
    {
        var state = RiskState.Empty;
        var journal = new List<IRiskEvent>();
        var commands = new List<RiskCommand>();
        foreach (var input in Scenario)
        {
            var decision = Monitor.Decide(state, input);
            journal.AddRange(decision.Events);
            commands.AddRange(decision.Commands);
            state = state.ApplyAll(decision.Events);
        }

        return (state, journal, commands);
    }

    [Fact]
    public void Should_rebuild_the_live_state_by_replaying_the_journal()
    {
        // arrange
        var (live, journal, _) = Run();

        // act
        var recovered = RiskState.Empty.ApplyAll(journal);

        // assert
        Assert.Equal(live, recovered);
        Assert.Equal(live.GetHashCode(), recovered.GetHashCode());
        Assert.Equal(TradingState.Halted, recovered.GlobalTradingState);
        Assert.Equal(
            [HaltCause.Manual, HaltCause.DailyLoss, HaltCause.UserStreamStale, HaltCause.Manual],
            recovered.Restrictions.Select(r => r.Cause));
        Assert.Equal(9_100m, recovered.DayBaselineEquity);
        Assert.Equal(11_000m, recovered.EquityPeak);
        Assert.Empty(recovered.Breakers);
    }

    [Fact]
    public void Should_decide_the_same_events_and_commands_every_time()
    {
        // act
        var first = Run();
        var second = Run();

        // assert
        Assert.Equal(first.Journal, second.Journal);
        Assert.Equal(first.Commands, second.Commands);
        Assert.Equal(12, first.Journal.Count);
    }

    [Fact]
    public void Should_compare_states_by_value()
    {
        // arrange
        var halt = new TradingHalted(T, null, HaltCause.Manual, TradingState.Halted, "stop");

        // act
        var one = RiskState.Empty.Apply(halt);
        var other = RiskState.Empty.Apply(halt with { });

        // assert
        Assert.Equal(one, other);
        Assert.NotEqual(RiskState.Empty, one);
    }

    [Fact]
    public void Should_refuse_an_event_it_does_not_know()
    {
        // act
        var error = Record.Exception(() => RiskState.Empty.Apply(new UnknownEvent(T)));

        // assert
        Assert.IsType<ArgumentException>(error);
    }

    private sealed record UnknownEvent(long TimestampMs) : IRiskEvent;
}
