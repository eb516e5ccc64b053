using Rari.Domain.Orders;
using Rari.Venue.Events;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Orders;

/// <summary>Every order type and time in force: what happens on arrival and what the command returns.</summary>
public sealed class OrderTypeSpecs
{
    [Fact]
    public void Should_rest_a_gtc_limit_order_below_the_market_and_fill_it_at_its_price_when_the_path_trades_through()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var placed = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_900m));
        venue.Kline(30_000m, 30_050m, 29_900m, 29_950m); // touches 29,900 but does not trade through
        var afterTouch = venue.Venue.GetOrder(Alice, Btc, OrderReference.ById(placed.OrderId.Value)).Value;
        venue.Kline(29_950m, 29_960m, 29_899.9m, 29_950m);
        var events = venue.Drain();

        // assert
        Assert.Equal(OrderStatus.Accepted, placed.Status);
        Assert.Equal(OrderStatus.Accepted, afterTouch.Status);
        Assert.Equal("New/Accepted, Trade/Filled", Lifecycle(events, placed.OrderId.Value));
        var trade = OrderUpdates(events, placed.OrderId.Value)[1].Trade!;
        Assert.Equal(29_900m, trade.Price);           // maker fill at the limit, not at the low
        Assert.True(trade.IsMaker);
        Assert.Equal(0.598m, trade.Commission);       // 2,990 × 0.02 %
        Assert.Equal(0.1m, venue.Position());
    }

    [Fact]
    public void Should_fill_on_touch_when_the_touch_fill_model_is_chosen()
    {
        // arrange
        var venue = new VenueHarness(options: new VenueOptions { MakerVolumeShare = null, FillModel = Venue.Matching.FillModel.Touch });
        venue.Price(30_000m);
        var placed = venue.Place(Limit(OrderSide.Sell, 0.1m, 30_100m));

        // act
        venue.Kline(30_000m, 30_100m, 29_990m, 30_050m);

        // assert
        Assert.Equal("New/Accepted, Trade/Filled", Lifecycle(venue.Drain(), placed.OrderId.Value));
        Assert.Equal(-0.1m, venue.Position());
    }

    [Fact]
    public void Should_fill_a_market_order_at_once_as_a_taker_just_beyond_the_last_price()
    {
        // arrange: the synthetic book is one tick either side of the last price
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var buy = venue.Place(Market(OrderSide.Buy, 0.1m));
        var sell = venue.Place(Market(OrderSide.Sell, 0.05m));
        var events = venue.Drain();

        // assert
        Assert.Equal(OrderStatus.Filled, buy.Status);
        Assert.Equal(30_000.1m, buy.AveragePrice);
        Assert.Equal(29_999.9m, sell.AveragePrice);
        var trade = OrderUpdates(events, buy.OrderId.Value)[1].Trade!;
        Assert.False(trade.IsMaker);
        Assert.Equal(1.200004m, trade.Commission);   // 3,000.01 × 0.04 %
        Assert.Equal(0.05m, venue.Position());
    }

    [Fact]
    public void Should_take_with_a_marketable_gtc_limit_order_and_rest_the_rest_at_its_price()
    {
        // arrange: thin synthetic levels of 0.1 (10 % of a volume of 1)
        var venue = new VenueHarness();
        venue.Price(30_000m, volume: 1m);

        // act
        var placed = venue.Place(Limit(OrderSide.Buy, 0.25m, 30_000.2m));
        var events = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Trade/PartiallyFilled, Trade/PartiallyFilled", Lifecycle(events, placed.OrderId.Value));
        Assert.Equal(OrderStatus.PartiallyFilled, placed.Status);
        Assert.Equal(0.2m, placed.ExecutedQuantity);
        Assert.Equal(30_000.15m, placed.AveragePrice);
        var open = Assert.Single(venue.Venue.GetOpenOrders(Alice, Btc).Value);
        Assert.Equal(0.05m, open.OriginalQuantity - open.ExecutedQuantity);
        Assert.Equal(75.0005m, venue.Venue.GetAccountSummary(Alice).Value.TotalOpenOrderInitialMargin); // 0.05 × 30,000.2 / 20
    }

    [Fact]
    public void Should_expire_the_unfilled_rest_of_an_ioc_order()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m, volume: 1m);

        // act
        var placed = venue.Place(Limit(OrderSide.Buy, 0.25m, 30_000.2m, TimeInForce.Ioc));
        var passive = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m, TimeInForce.Ioc));
        var events = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Trade/PartiallyFilled, Trade/PartiallyFilled, Expired/Expired", Lifecycle(events, placed.OrderId.Value));
        Assert.Equal(OrderStatus.Expired, placed.Status);
        Assert.Equal(0.2m, placed.ExecutedQuantity);
        Assert.Equal("New/Accepted, Expired/Expired", Lifecycle(events, passive.OrderId.Value));
    }

    [Fact]
    public void Should_fill_a_fok_order_completely_or_expire_it_untouched()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m, volume: 1m);

        // act
        var tooBig = venue.Place(Limit(OrderSide.Buy, 0.25m, 30_000.2m, TimeInForce.Fok));
        var fits = venue.Place(Limit(OrderSide.Buy, 0.15m, 30_000.2m, TimeInForce.Fok));
        var events = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Expired/Expired", Lifecycle(events, tooBig.OrderId.Value));
        Assert.Equal(0m, tooBig.ExecutedQuantity);
        Assert.Equal(OrderStatus.Filled, fits.Status);
        Assert.Equal(30_000.1m * 0.1m + (30_000.2m * 0.05m), fits.CumulativeQuote);
    }

    [Fact]
    public void Should_expire_a_post_only_order_that_would_take_and_rest_one_that_would_not()
    {
        // arrange: best ask is 30,000.1
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var wouldTake = venue.Place(Limit(OrderSide.Buy, 0.1m, 30_000.1m, TimeInForce.Gtx));
        var passive = venue.Place(Limit(OrderSide.Buy, 0.1m, 30_000m, TimeInForce.Gtx));
        var events = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Expired/Expired", Lifecycle(events, wouldTake.OrderId.Value));
        Assert.Equal(OrderStatus.Expired, wouldTake.Status);
        Assert.Equal(OrderStatus.Accepted, passive.Status);
        Assert.Empty(events.OfType<AccountUpdated>());
    }

    [Fact]
    public void Should_wait_with_stop_and_take_profit_orders_and_trigger_them_into_market_orders()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var stopBuy = venue.Place(Stop(OrderSide.Buy, 0.1m, 30_500m));
        var takeProfitBuy = venue.Place(TakeProfit(OrderSide.Buy, 0.1m, 29_500m));

        // act
        venue.Kline(30_000m, 30_600m, 29_990m, 30_200m);
        var events = venue.Drain();

        // assert
        Assert.Equal(OrderStatus.Accepted, stopBuy.Status);
        Assert.Equal("New/Accepted, Trade/Filled", Lifecycle(events, stopBuy.OrderId.Value));
        var filled = OrderUpdates(events, stopBuy.OrderId.Value)[1].Order;
        Assert.Equal(OrderType.Market, filled.Type);
        Assert.Equal(OrderType.StopMarket, filled.OriginalType);
        Assert.Equal(30_500.1m, filled.AveragePrice); // triggered at 30,500, took the ask a tick above
        Assert.Equal("New/Accepted", Lifecycle(events, takeProfitBuy.OrderId.Value)); // 29,500 was never reached
    }

    [Fact]
    public void Should_keep_a_generated_client_order_id_unique_among_open_orders()
    {
        // arrange: a client picked the id the venue would generate next
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var squatter = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m) with { ClientOrderId = "sim-2" });

        // act
        var generated = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));

        // assert
        Assert.Equal(1, squatter.OrderId.Value);
        Assert.Equal("sim-2-1", generated.ClientOrderId.Value);
    }

    [Fact]
    public void Should_generate_a_client_order_id_when_none_is_sent()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var generated = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var given = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m) with { ClientOrderId = "grid-1" });

        // assert
        Assert.Equal($"sim-{generated.OrderId.Value}", generated.ClientOrderId.Value);
        Assert.Equal("grid-1", given.ClientOrderId.Value);
        Assert.Equal(generated.OrderId.Value + 1, given.OrderId.Value);
    }
}
