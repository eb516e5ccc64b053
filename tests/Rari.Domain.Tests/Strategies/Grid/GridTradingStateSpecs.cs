using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridTradingStateSpecs
{
    [Fact]
    public void Should_withdraw_working_entries_once_when_the_symbol_starts_reducing_and_keep_the_exits()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId;
        harness.Fill(buy);
        harness.Open.Remove(buy);
        var exit = harness.OpenAt(OrderSide.Sell, 30_000m).ClientOrderId;
        harness.TradingState = TradingState.Reducing;

        // act
        var first = harness.Bar(30_000m);
        var second = harness.Bar(30_000m);

        // assert
        var withdrawn = GridHarness.Single<GridEntriesWithdrawn>(first);
        Assert.Equal(8, withdrawn.Orders.Count);
        Assert.Equal(withdrawn.Orders, GridHarness.Cancelled(first));
        Assert.DoesNotContain(exit, GridHarness.Cancelled(first));
        Assert.True(second.IsEmpty); // <-- not asked twice
    }

    [Fact]
    public void Should_keep_taking_profit_but_not_re_enter_while_reducing()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId;
        harness.TradingState = TradingState.Reducing;
        harness.Bar(30_000m);

        // act: the buy filled before its cancel landed
        var exit = Assert.Single(GridHarness.Placed(harness.Fill(buy)));
        harness.ConfirmCancels();
        var afterExit = harness.Fill(exit.ClientOrderId);
        var quietBars = harness.Bars(5, 30_000m);

        // assert
        Assert.Equal((OrderSide.Sell, 30_000m, true), (exit.Side, exit.Price!.Value, exit.ReduceOnly));
        Assert.Empty(afterExit.Commands);
        Assert.Empty(quietBars);
        Assert.Equal(1, harness.State.RoundTrips);
    }

    [Fact]
    public void Should_re_arm_the_entries_when_the_symbol_is_active_again()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        harness.TradingState = TradingState.Reducing;
        harness.Bar(30_000m);
        harness.ConfirmCancels();

        // act
        harness.TradingState = TradingState.Active;
        var decision = harness.Bar(30_000m);

        // assert
        Assert.Equal(9, GridHarness.Placed(decision).Count);
    }

    [Fact]
    public void Should_not_start_a_grid_while_reducing_or_halted()
    {
        // arrange
        var reducing = new GridHarness { TradingState = TradingState.Reducing };
        var halted = new GridHarness { TradingState = TradingState.Halted };

        // act
        var decisions = reducing.Bars(3, 30_000m).Concat(halted.Bars(3, 30_000m)).ToArray();
        reducing.TradingState = TradingState.Active;
        var started = reducing.Bar(30_000m);

        // assert
        Assert.Empty(decisions);
        Assert.IsType<GridStarted>(started.Events[0]);
    }

    [Fact]
    public void Should_send_nothing_at_all_while_halted_even_past_the_stop()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        harness.TradingState = TradingState.Halted;

        // act
        var decisions = harness.Bars(5, 20_000m);

        // assert
        Assert.Empty(decisions);
        Assert.Equal(GridPhase.Running, harness.State.Phase);
    }

    [Fact]
    public void Should_journal_fills_while_halted_and_place_the_missing_exit_on_the_first_bar_after()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId;
        harness.TradingState = TradingState.Halted;

        // act
        var fill = harness.Fill(buy);
        harness.Open.Remove(buy);
        var haltedBar = harness.Bar(29_500m);
        harness.TradingState = TradingState.Active;
        var resumed = harness.Bar(29_500m);

        // assert
        Assert.IsType<GridOrderFilled>(Assert.Single(fill.Events));
        Assert.Empty(fill.Commands);
        Assert.True(haltedBar.IsEmpty);
        Assert.Equal(0.001m, harness.State.Inventory);
        var exit = Assert.Single(GridHarness.Placed(resumed));
        Assert.Equal((OrderSide.Sell, 30_000m, 0.001m), (exit.Side, exit.Price!.Value, exit.Quantity!.Value));
    }

    [Fact]
    public void Should_keep_closing_after_a_stop_while_reducing()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None });
        harness.Bar(30_000m);
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId);
        harness.TradingState = TradingState.Reducing;

        // act
        var decision = harness.Bar(25_000m);

        // assert
        Assert.IsType<GridStopped>(decision.Events[0]);
        Assert.Equal(OrderType.Market, Assert.Single(GridHarness.Placed(decision)).Type);
    }
}
