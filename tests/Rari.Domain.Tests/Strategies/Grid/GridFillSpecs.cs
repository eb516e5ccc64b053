using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridFillSpecs
{
    [Fact]
    public void Should_place_a_take_profit_sell_one_level_up_for_the_filled_quantity_when_a_buy_fills()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);

        // act
        var decision = harness.Fill(buy.ClientOrderId);

        // assert
        var exit = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Sell, 30_000m, 0.001m, OrderType.Limit, TimeInForce.Gtc), (exit.Side, exit.Price!.Value, exit.Quantity!.Value, exit.Type, exit.TimeInForce!.Value));
        Assert.True(exit.ReduceOnly);
        Assert.Equal("grid take-profit sell at level 0", decision.Commands.OfType<PlaceOrder>().Single().Reason);
        Assert.Equal(0.001m, harness.State.Inventory);
    }

    [Fact]
    public void Should_send_a_take_profit_as_a_plain_limit_when_the_net_position_lies_on_the_other_side()
    {
        // arrange: a neutral grid's short rungs left the account net short; now one of its long rungs buys
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);
        harness.NetPosition = -0.003m;

        // act
        var decision = harness.Fill(buy.ClientOrderId);

        // assert: a reduce-only sell would add to the short, so the venue would refuse it (-2022)
        var exit = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Sell, 30_000m, 0.001m), (exit.Side, exit.Price!.Value, exit.Quantity!.Value));
        Assert.False(exit.ReduceOnly); // <--
    }

    [Fact]
    public void Should_send_a_take_profit_as_a_plain_limit_when_the_net_position_is_flat()
    {
        // arrange: a short rung filled; now a long rung buys the same size, so the account is net flat although each
        // rung holds inventory
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);
        harness.NetPosition = -0.001m;

        // act
        var decision = harness.Fill(buy.ClientOrderId);

        // assert: with nothing to reduce, a reduce-only sell would be refused (-2022)
        var exit = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal(OrderSide.Sell, exit.Side);
        Assert.False(exit.ReduceOnly); // <--
    }

    [Fact]
    public void Should_send_a_take_profit_reduce_only_when_it_reduces_the_net_position()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);

        // act: the buy leaves the account net long
        var decision = harness.Fill(buy.ClientOrderId);

        // assert
        Assert.True(Assert.Single(GridHarness.Placed(decision)).ReduceOnly); // <--
    }

    [Fact]
    public void Should_re_arm_the_buy_one_level_down_and_count_the_round_trip_when_the_take_profit_fills()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId, fee: 0.005m);
        var sell = harness.OpenAt(OrderSide.Sell, 30_000m);

        // act
        var decision = harness.Fill(sell.ClientOrderId, fee: 0.006m);

        // assert
        var entry = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Buy, 29_400m, 0.001m), (entry.Side, entry.Price!.Value, entry.Quantity!.Value));
        Assert.False(entry.ReduceOnly);
        Assert.Equal(1, harness.State.RoundTrips);
        Assert.Equal(0.6m, harness.State.RealizedPnl); // <-- 0.001 × (30,000 − 29,400)
        Assert.Equal(0.011m, harness.State.FeesPaid);
        Assert.Equal(0.589m, harness.State.NetRealizedPnl);
        Assert.Equal(0m, harness.State.Inventory);
    }

    [Fact]
    public void Should_place_a_buy_back_one_level_down_when_a_short_rung_sells()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var sell = harness.OpenAt(OrderSide.Sell, 30_600m);

        // act
        var exit = Assert.Single(GridHarness.Placed(harness.Fill(sell.ClientOrderId)));
        var reentry = Assert.Single(GridHarness.Placed(harness.Fill(exit.ClientOrderId)));

        // assert
        Assert.Equal((OrderSide.Buy, 30_000m, 0.001m), (exit.Side, exit.Price!.Value, exit.Quantity!.Value));
        Assert.Equal((OrderSide.Sell, 30_600m), (reentry.Side, reentry.Price!.Value));
        Assert.Equal(0.6m, harness.State.RealizedPnl);
        Assert.Equal(1, harness.State.RoundTrips);
    }

    [Fact]
    public void Should_send_the_take_profit_only_when_the_entry_has_filled_completely_and_for_exactly_its_quantity()
    {
        // arrange: 300 USDT a level buys 0.01 BTC at 29,400
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m });
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);

        // act
        var first = harness.Fill(buy.ClientOrderId, quantity: 0.004m);
        var second = harness.Fill(buy.ClientOrderId, quantity: 0.003m);
        var last = harness.Fill(buy.ClientOrderId, quantity: 0.003m);

        // assert
        Assert.Empty(first.Commands);
        Assert.Empty(second.Commands);
        Assert.Equal(0.007m, ((GridOrderFilled)second.Events[0]).Quantity + 0.004m);
        var exit = Assert.Single(GridHarness.Placed(last));
        Assert.Equal((OrderSide.Sell, 30_000m, 0.010m), (exit.Side, exit.Price!.Value, exit.Quantity!.Value));
        Assert.Equal(0.010m, harness.State.Inventory);
    }

    [Fact]
    public void Should_take_profit_on_what_filled_when_a_part_filled_entry_ends()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m });
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);
        harness.Fill(buy.ClientOrderId, quantity: 0.004m);

        // act: the venue expires the rest (e.g. a self-trade prevention)
        var ended = harness.Expired(buy.ClientOrderId);
        var later = harness.Bar(30_000m);

        // assert: the rung backs off one bar, then takes profit on the 0.004 it holds
        Assert.IsType<GridOrderEnded>(Assert.Single(ended.Events));
        Assert.Empty(ended.Commands);
        var exit = Assert.Single(GridHarness.Placed(later));
        Assert.Equal((OrderSide.Sell, 30_000m, 0.004m), (exit.Side, exit.Price!.Value, exit.Quantity!.Value));
    }

    [Fact]
    public void Should_re_arm_the_entry_only_when_a_part_filled_take_profit_completes_and_realize_each_part()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m });
        harness.Bar(30_000m);
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId);
        var sell = harness.OpenAt(OrderSide.Sell, 30_000m);

        // act
        var part = harness.Fill(sell.ClientOrderId, quantity: 0.006m);
        var partRealized = harness.State.RealizedPnl;
        var partHolding = harness.State.Cells.Single(c => c.LowerPrice == 29_400m).HoldingQuantity;
        var rest = harness.Fill(sell.ClientOrderId, quantity: 0.004m);

        // assert
        Assert.Empty(part.Commands);
        Assert.Equal(3.6m, partRealized);
        Assert.Equal(0.004m, partHolding);
        Assert.Equal(0, harness.State.RoundTrips - 1);
        Assert.Equal((OrderSide.Buy, 29_400m, 0.010m), GridHarness.Placed(rest).Select(o => (o.Side, o.Price!.Value, o.Quantity!.Value)).Single());
        Assert.Equal(6m, harness.State.RealizedPnl);
        Assert.Equal(1, harness.State.RoundTrips);
    }

    [Fact]
    public void Should_count_a_repeated_trade_report_once()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m });
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);
        harness.Fill(buy.ClientOrderId, quantity: 0.004m, tradeId: 77);

        // act
        var repeat = harness.Fill(buy.ClientOrderId, quantity: 0.004m, tradeId: 77);

        // assert
        Assert.True(repeat.IsEmpty);
        Assert.Equal(0.004m, harness.State.Inventory);
    }

    [Fact]
    public void Should_ignore_events_of_orders_the_grid_does_not_own()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var before = harness.State;
        var foreign = new ClientOrderIdFactory().Create(new StrategyId("vol"), harness.Instrument.Symbol, 3);
        var fill = TestFills.Buy("BTCUSDT", 0.5m, 29_000m) with { ClientOrderId = foreign };
        var ours = harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId;

        // act
        var decisions = new[]
        {
            harness.Feed(new OrderFilled(fill)),
            harness.Feed(new OrderCanceled(harness.Instrument.Symbol, foreign, harness.Now)),
            harness.Feed(new OrderRejected(harness.Instrument.Symbol, foreign, -2019, "Margin is insufficient.", harness.Now)),
            harness.Feed(new OrderCanceled(TestInstruments.EthUsdt.Symbol, ours, harness.Now)),
        };

        // assert
        Assert.All(decisions, d => Assert.Same(StrategyDecision.None, d));
        Assert.Same(before, harness.State);
    }

    [Fact]
    public void Should_ignore_acknowledgements_and_other_bookkeeping_events()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var intent = harness.OpenAt(OrderSide.Buy, 29_400m);

        // act
        var decisions = new[]
        {
            harness.Feed(TestOrders.Submitted(intent)),
            harness.Feed(TestOrders.Accepted(intent)),
            harness.Feed(TestOrders.PendingCancel(intent)),
            harness.Feed(TestOrders.CancelRejected(intent)),
        };

        // assert
        Assert.All(decisions, d => Assert.True(d.IsEmpty));
    }

    [Fact]
    public void Should_derive_client_order_ids_from_the_journaled_sequence()
    {
        // arrange
        var harness = new GridHarness();

        // act
        var decision = harness.Bar(30_000m);
        var placed = decision.Events.OfType<GridOrderPlaced>().ToArray();

        // assert
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), placed.Select(p => p.Sequence));
        Assert.Equal("rari-grid-BTCUSDT-000001", placed[0].ClientOrderId.Value);
        Assert.Equal(placed.Select(p => p.ClientOrderId), GridHarness.Placed(decision).Select(i => i.ClientOrderId));
        Assert.Equal(10, harness.State.NextSequence);
    }

    [Fact]
    public void Should_send_post_only_orders_when_configured_but_let_a_take_profit_priced_through_the_market_take()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { PostOnly = true });
        harness.Bar(30_000m);
        var buy = harness.OpenAt(OrderSide.Buy, 29_400m);

        // act: the buy filled, but the market is already back above the take-profit level
        var exit = Assert.Single(GridHarness.Placed(harness.Fill(buy.ClientOrderId, price: 30_100m)));

        // assert
        Assert.All(harness.Open.Values.Where(o => o.ClientOrderId != exit.ClientOrderId), o => Assert.Equal(TimeInForce.Gtx, o.TimeInForce));
        Assert.Equal(TimeInForce.Gtc, exit.TimeInForce);
    }

    [Fact]
    public void Should_keep_the_inventory_equal_to_the_signed_sum_of_fills_over_random_fill_sequences()
    {
        // arrange
        var random = new Random(7);
        for (var run = 0; run < 40; run++)
        {
            var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 600m, Spacing = 0.005m, LevelCount = 12 });
            harness.Bar(30_000m);
            var signedFills = 0m;

            // act
            for (var step = 0; step < 60 && harness.Open.Count > 0; step++)
            {
                var order = harness.Open.Values.ElementAt(random.Next(harness.Open.Count));
                var filled = harness.State.Cells.Select(c => c.Order).OfType<GridOrder>().Single(o => o.ClientOrderId == order.ClientOrderId).FilledQuantity;
                var remaining = order.Quantity!.Value - filled;
                var quantity = random.Next(2) == 0 ? remaining : Math.Max(0.001m, decimal.Round(remaining / 2m, 3, MidpointRounding.ToZero));
                harness.Fill(order.ClientOrderId, quantity: quantity);
                if (quantity == remaining)
                {
                    harness.Open.Remove(order.ClientOrderId);
                }

                signedFills += order.Side == OrderSide.Buy ? quantity : -quantity;

                // assert
                var state = harness.State;
                Assert.Equal(signedFills, state.Inventory);
                Assert.Equal(state.Inventory, state.Cells.Sum(c => c.HoldingQuantity) + state.ClosingQuantity);
                Assert.Equal(state.InventoryCost, state.Cells.Sum(c => c.HoldingCost) + state.ClosingCost);
                Assert.All(state.Cells, c => Assert.True(c.Kind == GridCellKind.Long ? c.HoldingQuantity >= 0m : c.HoldingQuantity <= 0m));
                Assert.All(state.Cells.Where(c => c.Order?.Role == GridOrderRole.Exit), c => Assert.Equal(Math.Abs(c.HoldingQuantity), c.Order!.Quantity - c.Order.FilledQuantity));
            }
        }
    }
}
