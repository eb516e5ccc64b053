using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskMonitorControlSpecs
{
    private const long T = TestKlines.Jan2024Ms + 3_600_000;

    private static readonly RiskMonitor Monitor = new(RiskSettings.Default);

    private static RiskState Fold(RiskState state, params RiskInput[] inputs)
    {
        foreach (var input in inputs)
        {
            state = state.ApplyAll(Monitor.Decide(state, input).Events);
        }

        return state;
    }

    [Fact]
    public void Should_halt_all_trading_with_the_reason_on_a_critical_error()
    {
        // arrange
        const string reason = "authentication failure: -2015 Invalid API-key, IP, or permissions for action.";

        // act
        var decision = Monitor.Decide(RiskState.Empty, new CriticalErrorDetected(T, HaltCause.AuthenticationFailure, "-2015 Invalid API-key, IP, or permissions for action."));
        var after = RiskState.Empty.ApplyAll(decision.Events);

        // assert
        Assert.Equal([new TradingHalted(T, null, HaltCause.AuthenticationFailure, TradingState.Halted, reason)], decision.Events);
        Assert.Equal([new CancelEntryOrders(null, reason)], decision.Commands);
        Assert.Equal(TradingState.Halted, after.GlobalTradingState);
        Assert.Equal(TradingState.Halted, after.TradingStateOf(Btc.Symbol, T));
    }

    [Fact]
    public void Should_decide_nothing_for_the_same_critical_error_twice()
    {
        // arrange
        var state = Fold(RiskState.Empty, new CriticalErrorDetected(T, HaltCause.UserStreamStale, "no event for 65 s"));

        // act
        var decision = Monitor.Decide(state, new CriticalErrorDetected(T + 1, HaltCause.UserStreamStale, "no event for 66 s"));

        // assert
        Assert.Same(RiskDecision.None, decision);
    }

    [Fact]
    public void Should_refuse_a_critical_error_with_a_cause_that_is_not_one()
    {
        // act
        var error = Record.Exception(() => Monitor.Decide(RiskState.Empty, new CriticalErrorDetected(T, HaltCause.DailyLoss, "no")));

        // assert
        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void Should_lift_only_the_cause_named_in_a_resume()
    {
        // arrange
        var state = Fold(
            RiskState.Empty,
            new CriticalErrorDetected(T, HaltCause.UserStreamStale, "silent"),
            new CriticalErrorDetected(T + 1, HaltCause.ReconciliationMismatch, "BTCUSDT position 0.1 here, 0.2 there"));

        // act
        var decision = Monitor.Decide(state, new ResumeTrading(T + 2, null, "stream reconnected", HaltCause.UserStreamStale));
        var after = state.ApplyAll(decision.Events);

        // assert
        Assert.Equal([new TradingResumed(T + 2, null, HaltCause.UserStreamStale, "stream reconnected")], decision.Events);
        Assert.Equal(HaltCause.ReconciliationMismatch, Assert.Single(after.Restrictions).Cause);
        Assert.Equal(TradingState.Halted, after.GlobalTradingState);
    }

    [Fact]
    public void Should_put_one_symbol_into_reducing_by_hand()
    {
        // act
        var decision = Monitor.Decide(RiskState.Empty, new HaltTrading(T, Btc.Symbol, "listing news", TradingState.Reducing));
        var after = RiskState.Empty.ApplyAll(decision.Events);

        // assert
        Assert.Equal([new TradingHalted(T, Btc.Symbol, HaltCause.Manual, TradingState.Reducing, "listing news")], decision.Events);
        Assert.Equal([new CancelEntryOrders(Btc.Symbol, "listing news")], decision.Commands);
        Assert.Equal(TradingState.Reducing, after.TradingStateOf(Btc.Symbol, T));
        Assert.Equal(TradingState.Active, after.TradingStateOf(Eth.Symbol, T));
        Assert.Same(RiskDecision.None, Monitor.Decide(after, new HaltTrading(T + 1, Btc.Symbol, "again", TradingState.Reducing)));
    }

    [Fact]
    public void Should_tighten_a_manual_reducing_into_a_halt()
    {
        // arrange
        var state = Fold(RiskState.Empty, new HaltTrading(T, Btc.Symbol, "news", TradingState.Reducing));

        // act
        var after = Fold(state, new HaltTrading(T + 1, Btc.Symbol, "worse news"));

        // assert
        var restriction = Assert.Single(after.Restrictions);
        Assert.Equal((TradingState.Halted, "worse news"), (restriction.Level, restriction.Reason));
    }

    [Fact]
    public void Should_refuse_a_halt_to_active()
    {
        // act
        var error = Record.Exception(() => Monitor.Decide(RiskState.Empty, new HaltTrading(T, null, "oops", TradingState.Active)));

        // assert
        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void Should_resume_everything_in_a_scope_and_nothing_outside_it()
    {
        // arrange
        var state = Fold(RiskState.Empty, new HaltTrading(T, null, "weekend"), new HaltTrading(T + 1, Btc.Symbol, "news"));

        // act
        var after = Fold(state, new ResumeTrading(T + 2, null, "monday"));

        // assert
        Assert.Equal(TradingState.Active, after.GlobalTradingState);
        Assert.Equal(TradingState.Halted, after.TradingStateOf(Btc.Symbol, T + 2));
        Assert.Same(RiskDecision.None, Monitor.Decide(after, new ResumeTrading(T + 3, Eth.Symbol, "nothing to lift")));
    }

    [Fact]
    public void Should_flatten_everything_and_halt()
    {
        // act
        var decision = Monitor.Decide(RiskState.Empty, new FlattenPositions(T, null, "operator panic"));

        // assert
        Assert.Equal(
            [
                new TradingHalted(T, null, HaltCause.Manual, TradingState.Halted, "flatten: operator panic"),
                new FlattenOrdered(T, null, "operator panic"),
            ],
            decision.Events);
        Assert.Equal([new CancelEntryOrders(null, "flatten: operator panic"), new ClosePositions(null, "flatten: operator panic")], decision.Commands);
    }

    [Fact]
    public void Should_flatten_one_symbol_already_halted_without_halting_it_again()
    {
        // arrange
        var state = Fold(RiskState.Empty, new HaltTrading(T, Eth.Symbol, "broken feed"));

        // act
        var decision = Monitor.Decide(state, new FlattenPositions(T + 1, Eth.Symbol, "close ETH"));

        // assert
        Assert.Equal([new FlattenOrdered(T + 1, Eth.Symbol, "close ETH")], decision.Events);
        Assert.Equal([new CancelEntryOrders(Eth.Symbol, "flatten: close ETH"), new ClosePositions(Eth.Symbol, "flatten: close ETH")], decision.Commands);
    }
}
