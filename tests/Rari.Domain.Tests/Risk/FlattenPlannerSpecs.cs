using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class FlattenPlannerSpecs
{
    private static readonly StrategyId Gate = new("risk");

    private static IReadOnlyList<OrderIntent> Plan(Instrument instrument, PositionSide side, decimal quantity) =>
        FlattenPlanner.Orders(instrument, side, quantity, Gate, i => new ClientOrderId($"rari-risk-{instrument.Symbol}-{i:D6}"));

    [Fact]
    public void Should_close_a_one_way_long_with_one_reduce_only_market_sell()
    {
        // act
        var orders = Plan(Btc, PositionSide.Both, 0.5m);

        // assert
        var order = Assert.Single(orders);
        Assert.Equal((OrderSide.Sell, OrderType.Market, 0.5m, true, PositionSide.Both), (order.Side, order.Type, order.Quantity!.Value, order.ReduceOnly, order.PositionSide));
        Assert.Equal(new ClientOrderId("rari-risk-BTCUSDT-000000"), order.ClientOrderId);
        Assert.Equal(Gate, order.StrategyId);
    }

    [Fact]
    public void Should_split_a_large_short_at_the_market_lot_maximum()
    {
        // act: BTC market orders take at most 120
        var orders = Plan(Btc, PositionSide.Both, -250m);

        // assert
        Assert.Equal([120m, 120m, 10m], orders.Select(o => o.Quantity!.Value));
        Assert.All(orders, o => Assert.Equal((OrderSide.Buy, true), (o.Side, o.ReduceOnly)));
        Assert.Equal(3, orders.Select(o => o.ClientOrderId).Distinct().Count());
    }

    [Fact]
    public void Should_keep_the_last_slice_at_or_above_the_minimum_quantity()
    {
        // arrange: market lots of 0.01 to 1 in steps of 0.001
        var instrument = Btc with { MarketLotSize = new LotSizeFilter(0.01m, 1m, 0.001m) };

        // act
        var orders = Plan(instrument, PositionSide.Both, 1.005m);

        // assert
        Assert.Equal([0.995m, 0.01m], orders.Select(o => o.Quantity!.Value));
    }

    [Fact]
    public void Should_close_a_hedge_leg_with_its_closing_side_and_no_reduce_only_flag()
    {
        // act
        var orders = Plan(Btc, PositionSide.Long, 0.5m);

        // assert
        var order = Assert.Single(orders);
        Assert.Equal((OrderSide.Sell, false, PositionSide.Long, 0.5m), (order.Side, order.ReduceOnly, order.PositionSide, order.Quantity!.Value));
    }

    [Fact]
    public void Should_plan_nothing_for_a_flat_position_and_refuse_a_leg_of_the_wrong_sign()
    {
        // act
        var flat = Plan(Btc, PositionSide.Both, 0m);
        var error = Record.Exception(() => Plan(Btc, PositionSide.Short, 1m));

        // assert
        Assert.Empty(flat);
        Assert.IsType<ArgumentException>(error);
    }
}
