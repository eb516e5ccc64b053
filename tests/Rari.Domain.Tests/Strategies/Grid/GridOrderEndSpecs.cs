using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridOrderEndSpecs
{
    [Fact]
    public void Should_free_a_rejected_rung_and_re_arm_it_after_the_back_off()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { RetryBackoffBars = 2 });
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);

        var rejectedAt = harness.Now;

        // act
        var rejected = harness.Rejected(buy.ClientOrderId);
        var tooSoon = harness.Bar(30_000m);
        var due = harness.Bar(30_000m);

        // assert
        var ended = GridHarness.Single<GridOrderEnded>(rejected);
        Assert.Equal((OrderEventKind.Rejected, false, "rejected by the venue (-2019): Margin is insufficient."), (ended.How, ended.Requested, ended.Reason));
        Assert.Equal(rejectedAt + (2 * GridHarness.BarMs), ended.RetryAtMs);
        Assert.Empty(rejected.Commands);
        Assert.True(tooSoon.IsEmpty);
        var again = Assert.Single(GridHarness.Placed(due));
        Assert.Equal((OrderSide.Buy, 29_400m), (again.Side, again.Price!.Value));
        Assert.NotEqual(buy.ClientOrderId, again.ClientOrderId);
    }

    [Fact]
    public void Should_double_the_back_off_on_each_repeated_failure_up_to_the_cap()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { RetryBackoffBars = 1, MaxRetryBackoffBars = 4 });
        harness.Bar(30_000m);
        var waits = new List<long>();

        // act: the venue keeps refusing the same level
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId;
            var ended = GridHarness.Single<GridOrderEnded>(harness.Rejected(id, -4164, "MIN_NOTIONAL"));
            waits.Add((ended.RetryAtMs - harness.Now) / GridHarness.BarMs);
            while (!harness.Open.Values.Any(o => o.Side == OrderSide.Buy && o.Price == 29_400m))
            {
                harness.Bar(30_000m);
            }
        }

        // assert
        Assert.Equal([1L, 2L, 4L, 4L, 4L], waits);
        Assert.Equal(5, harness.State.Cells.Single(c => c.LowerPrice == 29_400m).Failures);
    }

    [Fact]
    public void Should_reset_the_back_off_once_the_rung_fills()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        harness.Expired(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId);
        harness.Bar(30_000m);

        // act
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId);

        // assert
        Assert.Equal(0, harness.State.Cells.Single(c => c.LowerPrice == 29_400m).Failures);
    }

    [Fact]
    public void Should_treat_a_cancel_by_someone_else_as_a_failure_and_back_off()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 28_800m);

        // act: an operator's cancel-all
        var decision = harness.Canceled(buy.ClientOrderId);

        // assert
        var ended = GridHarness.Single<GridOrderEnded>(decision);
        Assert.False(ended.Requested);
        Assert.Equal(harness.Now + GridHarness.BarMs, ended.RetryAtMs);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Should_re_arm_a_denied_entry_only_while_it_is_still_below_the_price()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);
        harness.Feed(new OrderDenied(harness.Instrument.Symbol, buy.ClientOrderId, "daily loss limit", harness.Now));
        harness.Open.Remove(buy.ClientOrderId);

        // act
        var below = harness.Bar(29_300m);
        var above = harness.Bar(29_500m);

        // assert: at 29,300 a buy at 29,400 would take; at 29,500 it rests again
        Assert.DoesNotContain(GridHarness.Placed(below), o => o.Price == 29_400m);
        Assert.Equal(29_400m, Assert.Single(GridHarness.Placed(above)).Price);
        Assert.Equal("denied by the risk gate: daily loss limit", harness.Journal.OfType<GridOrderEnded>().Single().Reason);
    }

    [Fact]
    public void Should_not_back_off_when_the_grid_itself_asked_for_the_cancel()
    {
        // arrange: trailing up retires the lowest rung and cancels its buy
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.Trail, StopLossDistance = null });
        harness.Bar(30_000m);
        var trail = harness.Bar(32_500m);
        var cancelled = Assert.Single(GridHarness.Cancelled(trail));

        // act
        var decision = harness.Canceled(cancelled);

        // assert
        var ended = GridHarness.Single<GridOrderEnded>(decision);
        Assert.True(ended.Requested);
        Assert.Equal(0, ended.RetryAtMs);
        Assert.DoesNotContain(harness.State.Cells, c => c.Retired);
    }

    [Fact]
    public void Should_take_profit_at_once_when_a_withdrawn_entry_turns_out_part_filled()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m });
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);
        harness.Fill(buy.ClientOrderId, quantity: 0.003m);
        harness.TradingState = Rari.Domain.Strategies.TradingState.Reducing;
        harness.Bar(30_000m);

        // act
        var decision = harness.Canceled(buy.ClientOrderId);

        // assert
        var exit = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Sell, 30_000m, 0.003m, true), (exit.Side, exit.Price!.Value, exit.Quantity!.Value, exit.ReduceOnly));
    }
}
