using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>Operator controls, circuit breakers and critical errors as the gate runs them.</summary>
public sealed class RiskGateControlSpecs(ITestOutputHelper output) : RiskGateSpec(output)
{
    [Fact]
    public void Should_halt_and_resume_a_symbol_by_hand_and_answer_each_control()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));

        // act
        var halt = Control(gate, new HaltTrading(0, Btc, "operator: exchange maintenance"));

        // assert: the control takes the exchange's time, not the console's
        Assert.True(halt.Accepted);
        Assert.Equal("BTCUSDT set to Halted by hand: operator: exchange maintenance; BTCUSDT now trades Halted", halt.Message);
        var halted = ExpectPublished(t => t.Symbol == Btc && t.State == TradingState.Halted);
        Assert.Equal(T0, halted.TimestampMs);
        Assert.Equal(Btc, Gateway.ExpectMsg<CancelEntryOrders>(Patience).Symbol);
        gate.Tell(Entry(1, 0.01m, 60_000m, stop: 59_400m));
        Assert.Equal("trading-state: trading in BTCUSDT is halted: only reduce-only and closing orders pass", Symbols.ExpectMsg<OrderDenied>(Patience).Reason);

        // act
        var resume = Control(gate, new ResumeTrading(0, Btc, "operator: maintenance over"));

        // assert
        Assert.True(resume.Accepted);
        Assert.Equal("operator: maintenance over", ExpectPublished(t => t.Symbol == Btc && t.State == TradingState.Active).Reason);
        gate.Tell(Entry(2, 0.01m, 60_000m, stop: 59_400m));
        Assert.Equal(RiskVerdictKind.Approved, Gateway.ExpectMsg<ApprovedOrder>(Patience).Verdict);
    }

    [Fact]
    public void Should_flatten_everything_by_hand()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m, Position(0.1m, 60_000m, 60_000m)));

        // act
        var result = Control(gate, new FlattenPositions(0, null, "operator: end of test"));

        // assert
        Assert.True(result.Accepted);
        Assert.Equal("closing every position of all trading and halting it: operator: end of test; all trading now trades Halted", result.Message);
        ExpectPublished(t => t.Symbol is null && t.State == TradingState.Halted);
        Assert.Null(Gateway.ExpectMsg<CancelEntryOrders>(Patience).Symbol);
        Assert.Null(Gateway.ExpectMsg<ClosePositions>(Patience).Symbol);
    }

    [Fact]
    public void Should_answer_a_control_that_changes_nothing_or_is_refused()
    {
        // arrange
        var (gate, _) = StartGate();

        // act
        var nothing = Control(gate, new ResumeTrading(T0, null, "operator"));
        var refused = Control(gate, new HaltTrading(T0, Btc, "operator", TradingState.Active));

        // assert
        Assert.True(nothing.Accepted);
        Assert.Equal("nothing to lift: all trading has no standing restriction; all trading now trades Active", nothing.Message);
        Assert.False(refused.Accepted);
        Assert.StartsWith("A halt sets Halted or Reducing, not Active", refused.Message, StringComparison.Ordinal);
        Gateway.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Should_trip_a_circuit_breaker_on_a_huge_bar_and_let_it_expire_on_the_timer()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));

        // act: an 8 % bar, beyond the 5 % limit
        gate.Tell(Market(T0 + Minute, 64_800m, barReturn: 0.08m));

        // assert
        var tripped = ExpectPublished(t => t.Symbol == Btc);
        Assert.Equal(TradingState.Reducing, tripped.State);
        Assert.Equal("BTCUSDT moved 8% in one bar, beyond the 5% limit", tripped.Reason);
        Assert.Equal(Btc, Gateway.ExpectMsg<CancelEntryOrders>(Patience).Symbol);
        gate.Tell(Entry(1, 0.01m, 64_800m, stop: 64_000m));
        Assert.StartsWith("trading-state: trading in BTCUSDT is reducing only", Symbols.ExpectMsg<OrderDenied>(Patience).Reason, StringComparison.Ordinal);

        // act: the quiet market shows only an order event past the 15-minute cool-down; the timer does the rest
        gate.Tell(new OrderCanceled(Eth, Entry(2, 0.1m, 3_000m, 2_950m, symbol: Eth).Request.Intent.ClientOrderId, T0 + Minute + 900_000));

        // assert
        var reset = ExpectPublished(t => t.Symbol == Btc && t.State == TradingState.Active);
        Assert.StartsWith("cool-down over at", reset.Reason, StringComparison.Ordinal);
        Assert.Empty(Status(gate).State.Breakers);
    }

    [Fact]
    public void Should_trip_a_circuit_breaker_on_a_move_many_deviations_wide()
    {
        // arrange: no account yet; breakers need none
        var (gate, _) = StartGate();

        // act: 2 % against a recent spread of 0.2 % is 10σ, beyond 8σ
        gate.Tell(Market(T0, 60_000m, barReturn: 0.02m, recentStdDev: 0.002m));

        // assert
        var tripped = ExpectPublished(t => t.Symbol == Btc && t.State == TradingState.Reducing);
        Assert.Contains("beyond 8σ", tripped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_halt_all_trading_on_a_critical_error_from_the_gateway()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));

        // act
        gate.Tell(new CriticalErrorDetected(0, HaltCause.AuthenticationFailure, "-2015 Invalid API-key"));

        // assert
        var halted = ExpectPublished(t => t.Symbol is null && t.State == TradingState.Halted);
        Assert.Equal("authentication failure: -2015 Invalid API-key", halted.Reason);
        Assert.Null(Gateway.ExpectMsg<CancelEntryOrders>(Patience).Symbol);
    }
}
