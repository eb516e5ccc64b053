using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridLiquiditySpecs
{
    private static readonly GridSettings Larger = GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m };

    [Fact]
    public void Should_leave_an_entry_alone_when_the_book_is_deep_enough()
    {
        // arrange: 20 levels of 0.05 BTC a side; 20 % of 1 BTC is far above 0.01
        var harness = new GridHarness(Larger) { Book = TestStrategyContexts.EvenBook(TestInstruments.BtcUsdt, 30_000m, 0.1m, 20, 0.05m) };

        // act
        harness.Bar(30_000m);

        // assert
        Assert.Equal(0.010m, harness.OpenAt(OrderSide.Buy, 29_400m).Quantity);
        Assert.Equal(0.011m, harness.OpenAt(OrderSide.Buy, 27_000m).Quantity);
    }

    [Fact]
    public void Should_size_an_entry_down_to_its_share_of_the_visible_depth()
    {
        // arrange: 20 levels of 0.001 BTC a side; 20 % of 0.02 is 0.004
        var harness = new GridHarness(Larger) { Book = TestStrategyContexts.EvenBook(TestInstruments.BtcUsdt, 30_000m, 0.1m, 20, 0.001m) };

        // act
        harness.Bar(30_000m);

        // assert
        Assert.Equal(9, harness.Open.Count);
        Assert.All(harness.Open.Values, o => Assert.Equal(0.004m, o.Quantity)); // <--
    }

    [Fact]
    public void Should_take_profit_on_the_sized_down_quantity_it_actually_bought()
    {
        // arrange
        var harness = new GridHarness(Larger) { Book = TestStrategyContexts.EvenBook(TestInstruments.BtcUsdt, 30_000m, 0.1m, 20, 0.001m) };
        harness.Bar(30_000m);

        // act
        var exit = Assert.Single(GridHarness.Placed(harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId)));

        // assert: exits are never capped, they close what the rung holds
        Assert.Equal((OrderSide.Sell, 30_000m, 0.004m), (exit.Side, exit.Price!.Value, exit.Quantity!.Value));
    }

    [Fact]
    public void Should_count_only_the_depth_up_to_a_band_beyond_the_order_price()
    {
        // arrange: bids from 29,999.9 down; a wall of 1 BTC at 29,000 lies beyond 29,400 + its band (58.8)
        var book = TestStrategyContexts.Book(
            TestInstruments.BtcUsdt,
            [(29_999.9m, 0.01m), (29_500m, 0.01m), (29_000m, 1m)],
            [(30_000.1m, 1m)]);
        var harness = new GridHarness(Larger) { Book = book };

        // act
        harness.Bar(30_000m);

        // assert: 20 % of 0.02 for the buy at 29,400; the buys at 28,800 and below also see the wall
        Assert.Equal(0.004m, harness.OpenAt(OrderSide.Buy, 29_400m).Quantity);
        Assert.Equal(0.010m, harness.OpenAt(OrderSide.Buy, 28_800m).Quantity);
    }

    [Fact]
    public void Should_skip_an_entry_the_book_cannot_carry_and_say_why()
    {
        // arrange: 20 levels of 0.0001 BTC a side; 20 % of 0.002 is below the 0.001 minimum
        var harness = new GridHarness(Larger) { Book = TestStrategyContexts.EvenBook(TestInstruments.BtcUsdt, 30_000m, 0.1m, 20, 0.0001m) };

        // act
        var decision = harness.Bar(30_000m);

        // assert
        Assert.Empty(decision.Commands);
        var skipped = decision.Events.OfType<GridOrderSkipped>().ToArray();
        Assert.Equal(9, skipped.Length);
        var first = skipped.Single(s => s.Price == 29_400m);
        Assert.Equal(
            "thin book: 20 % of the 0.0020 visible within 0.2 % of 29400.0 allows 0, below the venue minimum (min qty 0.001, min notional 5)",
            first.Reason);
        Assert.Equal(harness.Now + GridHarness.BarMs, first.RetryAtMs);
    }

    [Fact]
    public void Should_place_a_skipped_entry_once_the_book_has_filled_in()
    {
        // arrange
        var harness = new GridHarness(Larger) { Book = TestStrategyContexts.EvenBook(TestInstruments.BtcUsdt, 30_000m, 0.1m, 20, 0.0001m) };
        harness.Bar(30_000m);

        // act
        harness.Book = TestStrategyContexts.EvenBook(TestInstruments.BtcUsdt, 30_000m, 0.1m, 20, 0.05m);
        var decision = harness.Bar(30_000m);

        // assert
        Assert.Equal(9, GridHarness.Placed(decision).Count);
        Assert.All(harness.State.Cells, c => Assert.Equal(1, c.Failures));
    }
}
