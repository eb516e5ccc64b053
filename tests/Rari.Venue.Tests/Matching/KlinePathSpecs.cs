using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.TestKit;
using Rari.Venue.Events;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Matching;

/// <summary>The intrabar path (open → nearer extreme → other extreme → close) and what it reaches, in order.</summary>
public sealed class KlinePathSpecs
{
    private static (VenueHarness Venue, OrderSnapshot StopLoss, OrderSnapshot TakeProfit) LongWithBracket()
    {
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);
        venue.Price(30_000m);
        var stopLoss = venue.Place(Stop(OrderSide.Sell, 0.1m, 29_500m) with { ReduceOnly = true });
        var takeProfit = venue.Place(TakeProfit(OrderSide.Sell, 0.1m, 30_500m) with { ReduceOnly = true });
        venue.Drain();
        return (venue, stopLoss, takeProfit);
    }

    [Fact]
    public void Should_visit_the_low_first_when_both_extremes_are_equally_far_from_the_open()
    {
        // arrange
        var (venue, stopLoss, takeProfit) = LongWithBracket();

        // act: 600 down and 600 up from the open
        venue.Kline(30_000m, 30_600m, 29_400m, 30_000m);
        var events = venue.Drain();

        // assert
        Assert.Equal("Trade/Filled", Lifecycle(events, stopLoss.OrderId.Value));
        Assert.Equal(29_499.9m, OrderUpdates(events, stopLoss.OrderId.Value)[0].Trade!.Price);
        Assert.Equal("Expired/Expired", Lifecycle(events, takeProfit.OrderId.Value));
        Assert.Equal(TestKlines.Jan2024Ms + (3 * TestKlines.MinuteMs) + 20_000, OrderUpdates(events, stopLoss.OrderId.Value)[0].TimeMs);
    }

    [Fact]
    public void Should_visit_the_nearer_extreme_first()
    {
        // arrange
        var (venue, stopLoss, takeProfit) = LongWithBracket();

        // act: the high (550 away) is nearer than the low (600 away)
        venue.Kline(30_000m, 30_550m, 29_400m, 30_000m);
        var events = venue.Drain();

        // assert
        Assert.Equal("Trade/Filled", Lifecycle(events, takeProfit.OrderId.Value));
        Assert.Equal(30_499.9m, OrderUpdates(events, takeProfit.OrderId.Value)[0].Trade!.Price);
        Assert.Equal("Expired/Expired", Lifecycle(events, stopLoss.OrderId.Value));
    }

    [Fact]
    public void Should_fill_resting_orders_in_the_order_the_path_reaches_them()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var near = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_900m));
        var far = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_800m));
        var ask = venue.Place(Limit(OrderSide.Sell, 0.1m, 30_200m));

        // act: down to 29,700 first, then up to 30,300
        venue.Kline(30_000m, 30_300m, 29_700m, 30_100m);
        var trades = venue.Drain().OfType<OrderUpdated>().Where(e => e.Trade is not null).ToList();

        // assert
        Assert.Equal([near.OrderId, far.OrderId, ask.OrderId], trades.Select(t => t.Order.OrderId));
        Assert.True(trades[0].Trade!.TradeId.Value < trades[1].Trade!.TradeId.Value);
        Assert.Equal([29_900m, 29_800m, 30_200m], trades.Select(t => t.Trade!.Price));
    }

    [Fact]
    public void Should_fill_a_resting_order_at_its_limit_price_when_the_market_gaps_through_it()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var bid = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_900m));

        // act: the next kline opens at 29,500
        venue.Kline(29_500m, 29_600m, 29_450m, 29_550m);
        var fill = OrderUpdates(venue.Drain(), bid.OrderId.Value).Single(e => e.Trade is not null);

        // assert
        Assert.Equal(29_900m, fill.Trade!.Price);
        Assert.Equal(TestKlines.Jan2024Ms + TestKlines.MinuteMs, fill.TimeMs); // at the open, the first point of the path
    }

    [Fact]
    public void Should_trigger_a_contract_price_stop_on_the_last_price_and_a_mark_price_stop_on_the_mark()
    {
        // arrange: a mark feed is given, so the mark no longer follows the last price
        var venue = new VenueHarness();
        venue.OpenAt(0.2m, 30_000m);
        venue.Venue.OnMarkPrice(Btc, 30_000m, 30_000m, 0.0001m, venue.NextKlineMs);
        var onLast = venue.Place(Stop(OrderSide.Sell, 0.1m, 29_500m) with { ReduceOnly = true });
        var onMark = venue.Place(Stop(OrderSide.Sell, 0.1m, 29_500m) with { ReduceOnly = true, WorkingType = WorkingType.MarkPrice });

        // act
        venue.Kline(30_000m, 30_000m, 29_400m, 29_600m);
        var afterKline = venue.Drain();
        venue.Venue.OnMarkPrice(Btc, 29_450m, 29_450m, 0.0001m, venue.NextKlineMs);
        var afterMark = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Trade/Filled", Lifecycle(afterKline, onLast.OrderId.Value));
        Assert.Equal("New/Accepted", Lifecycle(afterKline, onMark.OrderId.Value));
        Assert.Equal("Trade/Filled", Lifecycle(afterMark, onMark.OrderId.Value));
        Assert.Equal(29_599.9m, OrderUpdates(afterMark, onMark.OrderId.Value)[0].Trade!.Price); // taken at the last price's bid
    }

    [Fact]
    public void Should_let_mark_price_stops_follow_the_last_price_while_there_is_no_mark_feed()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);
        var onMark = venue.Place(Stop(OrderSide.Sell, 0.1m, 29_500m) with { ReduceOnly = true, WorkingType = WorkingType.MarkPrice });

        // act
        venue.Kline(30_000m, 30_000m, 29_400m, 29_600m);

        // assert
        Assert.Equal("New/Accepted, Trade/Filled", Lifecycle(venue.Drain(), onMark.OrderId.Value));
    }

    [Fact]
    public void Should_fill_a_large_order_across_bars_within_its_share_of_each_bars_volume()
    {
        // arrange: 10 % of a 20 BTC bar is 2 BTC per bar and price
        var venue = new VenueHarness(wallet: 100_000m, options: new VenueOptions { MakerVolumeShare = 0.1m });
        venue.Price(30_000m);
        var order = venue.Place(Limit(OrderSide.Buy, 5m, 29_900m));

        // act
        var executed = new List<decimal>();
        for (var bar = 0; bar < 3; bar++)
        {
            venue.Kline(30_000m, 30_000m, 29_800m, 29_950m, volume: 20m);
            executed.Add(venue.Venue.GetOrder(Alice, Btc, OrderReference.ById(order.OrderId.Value)).Value.ExecutedQuantity);
        }

        // assert
        Assert.Equal([2m, 4m, 5m], executed);
        Assert.Equal("New/Accepted, Trade/PartiallyFilled, Trade/PartiallyFilled, Trade/Filled", Lifecycle(venue.Drain(), order.OrderId.Value));
    }

    [Fact]
    public void Should_share_the_volume_cap_between_an_accounts_orders_at_one_price_but_not_across_prices()
    {
        // arrange
        var venue = new VenueHarness(wallet: 100_000m, options: new VenueOptions { MakerVolumeShare = 0.1m });
        venue.Price(30_000m);
        var first = venue.Place(Limit(OrderSide.Buy, 1.5m, 29_900m));
        var second = venue.Place(Limit(OrderSide.Buy, 1.5m, 29_900m));
        var lower = venue.Place(Limit(OrderSide.Buy, 1.5m, 29_850m));

        // act: 2 BTC may fill at each price in this bar
        venue.Kline(30_000m, 30_000m, 29_800m, 29_950m, volume: 20m);
        var executed = new[] { first, second, lower }
            .Select(o => venue.Venue.GetOrder(Alice, Btc, OrderReference.ById(o.OrderId.Value)).Value.ExecutedQuantity);

        // assert
        Assert.Equal([1.5m, 0.5m, 1.5m], executed);
    }

    [Fact]
    public void Should_match_on_trades_like_on_a_single_point_path()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Venue.OnTrade(new Trade(Btc, 1, 30_000m, 0.5m, TestKlines.Jan2024Ms, IsBuyerMaker: false));
        var bid = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_990m));

        // act
        venue.Venue.OnTrade(new Trade(Btc, 2, 29_990m, 0.5m, TestKlines.Jan2024Ms + 10, IsBuyerMaker: true));
        var atLimit = venue.Venue.GetOrder(Alice, Btc, OrderReference.ById(bid.OrderId.Value)).Value.Status;
        venue.Venue.OnTrade(new Trade(Btc, 3, 29_989.9m, 0.5m, TestKlines.Jan2024Ms + 20, IsBuyerMaker: true));
        var fill = OrderUpdates(venue.Drain(), bid.OrderId.Value).Single(e => e.Trade is not null);

        // assert
        Assert.Equal(OrderStatus.Accepted, atLimit);
        Assert.Equal(29_990m, fill.Trade!.Price);
        Assert.Equal(TestKlines.Jan2024Ms + 20, fill.TimeMs);
    }
}
