using Rari.Domain.Orders;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Orders;

/// <summary>Reduce-only and closePosition orders: never more than the position, expired when it is gone (§6.1, §6.3).</summary>
public sealed class ReduceOnlySpecs
{
    [Fact]
    public void Should_trim_a_reduce_only_order_to_the_position_when_it_fills_and_expire_the_rest()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);
        var order = venue.Place(Limit(OrderSide.Sell, 0.3m, 30_500m) with { ReduceOnly = true });

        // act
        venue.Kline(30_000m, 30_600m, 29_950m, 30_550m);
        var events = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Trade/PartiallyFilled, Expired/Expired", Lifecycle(events, order.OrderId.Value));
        Assert.Equal(0.1m, OrderUpdates(events, order.OrderId.Value)[1].Trade!.Quantity);
        Assert.Equal(50m, OrderUpdates(events, order.OrderId.Value)[1].Trade!.RealizedProfit);
        Assert.Equal(0m, venue.Position());
    }

    [Fact]
    public void Should_expire_resting_reduce_only_orders_when_another_order_closes_the_position()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);
        var takeProfit = venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m) with { ReduceOnly = true });
        var stop = venue.Place(Stop(OrderSide.Sell, 0.1m, 29_000m) with { ReduceOnly = true });

        // act
        venue.Place(Market(OrderSide.Sell, 0.1m));
        var events = venue.Drain();

        // assert
        Assert.EndsWith("Expired/Expired", Lifecycle(events, takeProfit.OrderId.Value));
        Assert.EndsWith("Expired/Expired", Lifecycle(events, stop.OrderId.Value));
        Assert.Empty(venue.Venue.GetOpenOrders(Alice).Value);
    }

    [Fact]
    public void Should_expire_reduce_only_orders_that_would_grow_a_position_flipped_by_another_order()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);
        var reduceOnly = venue.Place(Limit(OrderSide.Sell, 0.05m, 31_000m) with { ReduceOnly = true });

        // act: sell 0.3 at market: the long is gone and a 0.2 short is open
        venue.Place(Market(OrderSide.Sell, 0.3m));
        var events = venue.Drain();

        // assert
        Assert.Equal(-0.2m, venue.Position());
        Assert.EndsWith("Expired/Expired", Lifecycle(events, reduceOnly.OrderId.Value));
    }

    [Fact]
    public void Should_fill_a_reduce_only_market_order_up_to_the_position_and_expire_the_rest()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(-0.2m, 30_000m);

        // act
        var order = venue.Place(Market(OrderSide.Buy, 1m) with { ReduceOnly = true });

        // assert
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.Equal(0.2m, order.ExecutedQuantity);
        Assert.Equal(0m, venue.Position());
    }

    [Fact]
    public void Should_size_a_close_position_stop_when_it_triggers_and_expire_one_with_nothing_to_close()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.2m, 30_000m);
        var closeLong = venue.Place(new NewOrderRequest(Btc, OrderSide.Sell, OrderType.StopMarket) { StopPrice = 29_000m, ClosePosition = true });
        var closeShort = venue.Place(new NewOrderRequest(Btc, OrderSide.Buy, OrderType.StopMarket) { StopPrice = 30_500m, ClosePosition = true });

        // act
        venue.Kline(30_000m, 30_000m, 28_900m, 28_950m);
        venue.Kline(28_950m, 30_600m, 28_950m, 30_550m);
        var events = venue.Drain();

        // assert
        Assert.Equal(0m, closeLong.OriginalQuantity);
        Assert.Equal("New/Accepted, Trade/Filled", Lifecycle(events, closeLong.OrderId.Value));
        Assert.Equal(0.2m, OrderUpdates(events, closeLong.OrderId.Value)[1].Order.OriginalQuantity);
        Assert.Equal("New/Accepted, Expired/Expired", Lifecycle(events, closeShort.OrderId.Value));
        Assert.Equal(0m, venue.Position());
    }

    [Fact]
    public void Should_reserve_no_margin_for_reduce_only_orders()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);

        // act
        venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m) with { ReduceOnly = true });
        var withReduceOnly = venue.Venue.GetAccountSummary(Alice).Value.TotalOpenOrderInitialMargin;
        venue.Place(Limit(OrderSide.Sell, 0.3m, 31_000m));
        var withOpening = venue.Venue.GetAccountSummary(Alice).Value.TotalOpenOrderInitialMargin;

        // assert
        Assert.Equal(0m, withReduceOnly);
        Assert.Equal(310m, withOpening); // of the 0.3 sold, 0.1 closes the long; 0.2 × 31,000 / 20 could open a short
    }
}
