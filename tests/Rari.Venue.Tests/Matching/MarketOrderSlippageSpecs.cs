using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Venue.Events;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Matching;

/// <summary>Market orders walk a book, the recorded one or a synthetic one, and pay slippage that grows with size.</summary>
public sealed class MarketOrderSlippageSpecs
{
    [Fact]
    public void Should_walk_the_synthetic_book_one_tick_per_level_and_pay_more_for_a_larger_order()
    {
        // arrange: bars of volume 1 make synthetic levels of 0.1 BTC
        var venue = new VenueHarness();
        venue.Price(30_000m, volume: 1m);

        // act
        var small = venue.Place(Market(OrderSide.Buy, 0.05m));
        var large = venue.Place(Market(OrderSide.Buy, 0.35m));
        var trades = OrderUpdates(venue.Drain(), large.OrderId.Value).Where(e => e.Trade is not null).Select(e => e.Trade!).ToList();

        // assert
        Assert.Equal(30_000.1m, small.AveragePrice);
        Assert.Equal([30_000.1m, 30_000.2m, 30_000.3m, 30_000.4m], trades.Select(t => t.Price));
        Assert.Equal([0.1m, 0.1m, 0.1m, 0.05m], trades.Select(t => t.Quantity));
        Assert.Equal(10_500.08m, large.CumulativeQuote);
        Assert.True(large.AveragePrice > small.AveragePrice);
    }

    [Fact]
    public void Should_size_synthetic_levels_from_recent_volume()
    {
        // arrange: the last bars traded 10 and 30 BTC: levels hold 10 % of their mean, 2 BTC
        var venue = new VenueHarness(wallet: 100_000m);
        venue.Price(30_000m, volume: 10m);
        venue.Price(30_000m, volume: 30m);

        // act
        var order = venue.Place(Market(OrderSide.Sell, 3m));

        // assert
        Assert.Equal((2m * 29_999.9m) + (1m * 29_999.8m), order.CumulativeQuote);
    }

    [Fact]
    public void Should_walk_a_recorded_book_consume_it_and_continue_synthetically_beyond_its_last_level()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Venue.OnDepth(new DepthSnapshot(Btc, 7, [new BookLevel(29_999m, 1m)], [new BookLevel(30_001m, 0.2m), new BookLevel(30_003m, 0.5m)], venue.Venue.NowMs));

        // act
        var first = venue.Place(Market(OrderSide.Buy, 0.5m));
        var second = venue.Place(Market(OrderSide.Buy, 0.3m));
        var events = venue.Drain();

        // assert
        Assert.Equal([30_001m, 30_003m], OrderUpdates(events, first.OrderId.Value).Where(e => e.Trade is not null).Select(e => e.Trade!.Price));
        Assert.Equal((0.2m * 30_001m) + (0.3m * 30_003m), first.CumulativeQuote);
        Assert.Equal([30_003m, 30_003.1m], OrderUpdates(events, second.OrderId.Value).Where(e => e.Trade is not null).Select(e => e.Trade!.Price));
        Assert.Equal((0.2m * 30_003m) + (0.1m * 30_003.1m), second.CumulativeQuote);
    }

    [Fact]
    public void Should_take_the_best_bid_and_ask_of_a_book_ticker()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Venue.OnBookTicker(new BookTicker(Btc, 29_998m, 0.3m, 30_002m, 0.4m, 1, venue.Venue.NowMs));

        // act
        var sell = venue.Place(Market(OrderSide.Sell, 0.3m));

        // assert
        Assert.Equal(29_998m, sell.AveragePrice);
    }

    [Fact]
    public void Should_refuse_a_market_order_whose_best_price_is_beyond_the_take_bound_and_expire_what_lies_beyond_it()
    {
        // arrange: mark 30,000 and marketTakeBound 5 %: a BUY may not pay more than 31,500
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Venue.OnDepth(new DepthSnapshot(Btc, 1, [new BookLevel(29_999m, 1m)], [new BookLevel(31_600m, 1m)], venue.Venue.NowMs));

        // act
        var refused = venue.Reject(Market(OrderSide.Buy, 0.1m));
        venue.Venue.OnDepth(new DepthSnapshot(Btc, 2, [new BookLevel(29_999m, 1m)], [new BookLevel(31_000m, 0.1m), new BookLevel(31_600m, 1m)], venue.Venue.NowMs));
        var partly = venue.Place(Market(OrderSide.Buy, 0.5m));
        var events = venue.Drain();

        // assert
        Assert.Equal(-4131, refused.Code);
        Assert.Equal(OrderStatus.Expired, partly.Status);
        Assert.Equal(0.1m, partly.ExecutedQuantity);
        Assert.Equal("New/Accepted, Trade/PartiallyFilled, Expired/Expired", Lifecycle(events, partly.OrderId.Value));
    }

    [Fact]
    public void Should_never_let_accounts_trade_with_each_other()
    {
        // arrange: Bob bids at 30,000 while Alice sells at market
        var venue = new VenueHarness();
        venue.Venue.OpenAccount(Bob, 10_000m);
        venue.Price(30_000.5m);
        venue.Place(Limit(OrderSide.Buy, 0.1m, 30_000.3m), Bob);

        // act
        var sell = venue.Place(Market(OrderSide.Sell, 0.1m));
        var events = venue.Drain();

        // assert: Alice's sell took the synthetic bid below the last price, Bob's order is untouched
        Assert.Equal(30_000.4m, sell.AveragePrice);
        Assert.DoesNotContain(events.OfType<OrderUpdated>(), e => e.Account == Bob && e.Trade is not null);
    }
}
