using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>The daily loss limit as the gate runs it: halt, cancel, flatten, deny entries, pass exits, resume next day.</summary>
public sealed class RiskGateLossSpecs(ITestOutputHelper output) : RiskGateSpec(output)
{
    [Fact]
    public void Should_halt_cancel_and_flatten_when_equity_falls_15_percent_below_the_days_start()
    {
        // arrange: the day starts at 10,000 USDT
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));

        // act: 8,500 is exactly 15 % down
        gate.Tell(Account(T0 + Minute, 8_500m));

        // assert
        var halted = ExpectPublished(t => t.Symbol is null && t.State == TradingState.Halted);
        Assert.StartsWith("daily loss 1500 USDT is 15% of the day's starting equity 10000 USDT", halted.Reason, StringComparison.Ordinal);
        Assert.Equal(T0 + Minute, halted.TimestampMs);
        var cancel = Gateway.ExpectMsg<CancelEntryOrders>(Patience);
        Assert.Null(cancel.Symbol);
        var close = Gateway.ExpectMsg<ClosePositions>(Patience);
        Assert.Null(close.Symbol);
        var status = Status(gate);
        Assert.Equal(TradingState.Halted, status.State.GlobalTradingState);
        Assert.Equal(10_000m, status.State.DayBaselineEquity);
    }

    [Fact]
    public void Should_ignore_a_view_of_an_older_revision_that_arrives_late_even_when_it_is_dated_later()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m, revision: 20));
        gate.Tell(Market(T0, 60_000m));

        // act: an older view (lower revision) of a 20 % loss, dated by another clock
        gate.Tell(Account(T0 + Minute, 8_000m, revision: 10));

        // assert
        var status = Status(gate);
        Assert.Equal(10_000m, status.Equity); // <--
        Assert.Equal(TradingState.Active, status.State.GlobalTradingState);
    }

    [Fact]
    public void Should_deny_new_entries_while_halted_and_still_approve_reduce_only_exits()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        gate.Tell(Account(T0 + Minute, 8_000m, Position(0.1m, 60_000m, 60_000m)));
        ExpectPublished(t => t.State == TradingState.Halted);

        // act
        gate.Tell(Entry(1, 0.01m, 60_000m, stop: 59_400m));
        gate.Tell(Exit(2, 0.1m));

        // assert
        var denied = Symbols.ExpectMsg<OrderDenied>(Patience);
        Assert.Equal("trading-state: all trading is halted: only reduce-only and closing orders pass", denied.Reason);
        var exit = Gateway.FishForMessage<ApprovedOrder>(_ => true, Patience); // <-- the halt's cancel and close come first
        Assert.True(exit.Intent.ReduceOnly);
        Assert.Equal(RiskVerdictKind.Approved, exit.Verdict);
    }

    [Fact]
    public void Should_only_cancel_entries_when_flattening_on_a_loss_halt_is_off()
    {
        // arrange
        var (gate, _) = StartGate(RiskSettings.Default with { FlattenOnLossHalt = false });
        gate.Tell(Account(T0, 10_000m));

        // act
        gate.Tell(Account(T0 + Minute, 8_000m));
        ExpectPublished(t => t.State == TradingState.Halted);
        Status(gate);

        // assert
        Gateway.ExpectMsg<CancelEntryOrders>(Patience);
        Gateway.ExpectNoMsg(TimeSpan.Zero); // <-- no ClosePositions
    }

    [Fact]
    public void Should_see_a_crash_in_an_open_position_at_the_next_bar_without_an_account_update()
    {
        // arrange: 1 BTC long at 60,000 on 10,000 USDT equity; the venue reports no account update on price moves
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m, Position(1m, 60_000m, 60_000m)));
        gate.Tell(Market(T0, 60_000m));

        // act: the mark falls 1,500 USDT → equity 8,500
        gate.Tell(Market(T0 + Minute, 58_500m, barReturn: -0.025m));

        // assert
        ExpectPublished(t => t.Symbol is null && t.State == TradingState.Halted);
        Gateway.ExpectMsg<CancelEntryOrders>(Patience);
        Assert.Equal(8_500m, Status(gate).Equity);
    }

    [Fact]
    public void Should_resume_at_the_next_utc_day_with_a_new_baseline()
    {
        // arrange: halted on the loss
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        gate.Tell(Account(T0 + Minute, 8_000m));
        ExpectPublished(t => t.State == TradingState.Halted);

        // act: the first bar of the next UTC day
        gate.Tell(Market(NextDay, 60_000m, barReturn: 0m));

        // assert
        var resumed = ExpectPublished(t => t.Symbol is null && t.State == TradingState.Active);
        Assert.Equal("a new UTC day began: the daily loss limit starts over", resumed.Reason);
        var state = Status(gate).State;
        Assert.Equal(NextDay, state.DayStartMs);
        Assert.Equal(8_000m, state.DayBaselineEquity);
        gate.Tell(Entry(1, 0.01m, 60_000m, stop: 59_400m));
        Gateway.FishForMessage<ApprovedOrder>(_ => true, Patience);
    }

    [Fact]
    public void Should_turn_the_day_on_the_timer_when_no_input_comes_after_midnight()
    {
        // arrange: halted on the loss; then only an order event shows the exchange's clock past midnight
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Account(T0 + Minute, 8_000m));
        ExpectPublished(t => t.State == TradingState.Halted);

        // act
        gate.Tell(new OrderExpired(Btc, Entry(9, 0.01m, 60_000m, 59_400m).Request.Intent.ClientOrderId, NextDay + 5));

        // assert
        ExpectPublished(t => t.Symbol is null && t.State == TradingState.Active);
        Assert.Equal(NextDay, Status(gate).State.DayStartMs);
    }

    [Fact]
    public void Should_stay_halted_at_the_next_day_when_daily_resets_are_off()
    {
        // arrange
        var (gate, _) = StartGate(RiskSettings.Default with { DailyLossResetsAtNewDay = false });
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Account(T0 + Minute, 8_000m));
        ExpectPublished(t => t.State == TradingState.Halted);

        // act
        gate.Tell(Account(NextDay + 1, 8_000m));
        var state = Status(gate).State;

        // assert
        Assert.Equal(NextDay, state.DayStartMs);
        Assert.Equal(TradingState.Halted, state.GlobalTradingState);
    }
}
