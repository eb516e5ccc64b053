using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskMonitorBreakerSpecs
{
    private const long T = TestKlines.Jan2024Ms + 3_600_000;
    private const long Until = T + 900_000;
    private const string SixPercent = "BTCUSDT moved -6% in one bar, beyond the 5% limit";

    private static readonly RiskMonitor Monitor = new(RiskSettings.Default);

    private static RiskState Tripped() =>
        RiskState.Empty.ApplyAll(Monitor.Decide(RiskState.Empty, new BarReturnObserved(T, Btc.Symbol, -0.06m, null)).Events);

    [Fact]
    public void Should_trip_on_a_move_beyond_the_fixed_limit_and_cancel_the_symbols_entries()
    {
        // act
        var decision = Monitor.Decide(RiskState.Empty, new BarReturnObserved(T, Btc.Symbol, -0.06m, null));

        // assert
        Assert.Equal([new CircuitBreakerTripped(T, Btc.Symbol, SixPercent, Until)], decision.Events);
        Assert.Equal([new CancelEntryOrders(Btc.Symbol, SixPercent)], decision.Commands);
    }

    [Fact]
    public void Should_trip_on_a_move_beyond_k_standard_deviations()
    {
        // act
        var decision = Monitor.Decide(RiskState.Empty, new BarReturnObserved(T, Btc.Symbol, 0.02m, 0.002m));

        // assert
        Assert.Equal(
            [new CircuitBreakerTripped(T, Btc.Symbol, "BTCUSDT moved 2% in one bar, 10σ of the recent returns (σ 0.2%), beyond 8σ", Until)],
            decision.Events);
    }

    [Theory]
    [InlineData(0.05, null)]
    [InlineData(-0.05, null)]
    [InlineData(0.016, 0.002)]
    [InlineData(0.04, null)]
    [InlineData(0.04, 0.0)]
    public void Should_not_trip_at_or_inside_the_limits_or_without_a_spread(double move, double? sigma)
    {
        // act
        var decision = Monitor.Decide(RiskState.Empty, new BarReturnObserved(T, Btc.Symbol, (decimal)move, (decimal?)sigma));

        // assert
        Assert.Same(RiskDecision.None, decision);
    }

    [Fact]
    public void Should_keep_new_entries_out_of_the_symbol_during_the_cool_down()
    {
        // arrange
        var state = Tripped();
        var engine = RiskEngine.CreateDefault(RiskSettings.Default, AssetProfileTable.Default);
        var view = View(Btc, 50_000m) with { TradingState = state.SymbolTradingState(Btc.Symbol, T + 60_000) };

        // act
        var verdict = engine.Check(Request(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), stop: 49_000m), Context(10_000m, view));

        // assert
        Assert.Equal(TradingState.Reducing, state.TradingStateOf(Btc.Symbol, Until - 1));
        Assert.Equal(TradingState.Active, state.TradingStateOf(Eth.Symbol, Until - 1));
        Assert.Equal(TradingState.Active, state.GlobalTradingState);
        Assert.Equal("trading-state: trading in BTCUSDT is reducing only: this order would take the position from 0 to 0.01", verdict.Reason);
    }

    [Fact]
    public void Should_reset_by_itself_at_the_first_input_after_the_cool_down()
    {
        // arrange
        var state = Tripped();

        // act
        var early = Monitor.Decide(state, new TimePassed(Until - 1));
        var due = Monitor.Decide(state, new TimePassed(Until));
        var after = state.ApplyAll(due.Events);

        // assert
        Assert.Same(RiskDecision.None, early);
        Assert.Equal([new CircuitBreakerReset(Until, Btc.Symbol, $"cool-down over at {Until}: entries in BTCUSDT may resume")], due.Events);
        Assert.Empty(due.Commands);
        Assert.Null(after.BreakerOf(Btc.Symbol));
        Assert.Equal(TradingState.Active, state.TradingStateOf(Btc.Symbol, Until));
        Assert.Equal(TradingState.Active, after.TradingStateOf(Btc.Symbol, Until));
    }

    [Fact]
    public void Should_extend_the_cool_down_when_the_symbol_moves_violently_again()
    {
        // act
        var decision = Monitor.Decide(Tripped(), new BarReturnObserved(T + 60_000, Btc.Symbol, 0.07m, null));
        var after = Tripped().ApplyAll(decision.Events);

        // assert
        Assert.Equal(Until + 60_000, after.BreakerOf(Btc.Symbol)!.UntilMs);
        Assert.Single(after.Breakers);
    }

    [Fact]
    public void Should_reset_a_breaker_when_the_symbol_is_resumed_by_hand()
    {
        // act
        var decision = Monitor.Decide(Tripped(), new ResumeTrading(T + 1, Btc.Symbol, "operator"));

        // assert
        Assert.Equal([new CircuitBreakerReset(T + 1, Btc.Symbol, "resumed by hand: operator")], decision.Events);
    }

    [Fact]
    public void Should_trip_from_a_return_tracker_fed_a_calm_market_and_then_a_spike()
    {
        // arrange
        var tracker = new ReturnTracker(Btc.Symbol, period: 30);
        var state = RiskState.Empty;
        var random = new Random(7);
        var close = 50_000m;
        var tripped = new List<CircuitBreakerTripped>();
        for (var i = 0; i < 100; i++)
        {
            close += random.Next(-20, 21);
            if (tracker.Observe(TestKlines.Flat(T + (i * 60_000L), close)) is { } calm)
            {
                state = state.ApplyAll(Monitor.Decide(state, calm).Events);
            }
        }

        // act: a 1 % bar, some 50σ of a market moving a few hundredths of a percent a minute
        var spike = tracker.Observe(TestKlines.Flat(T + 6_000_000, close * 1.01m))!;
        var decision = Monitor.Decide(state, spike);

        // assert
        Assert.Empty(state.Breakers);
        Assert.Equal(T + 6_060_000, spike.TimestampMs);
        Assert.IsType<CircuitBreakerTripped>(Assert.Single(decision.Events));
    }
}
