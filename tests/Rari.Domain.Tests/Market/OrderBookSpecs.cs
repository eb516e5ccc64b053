using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Market;

public class OrderBookSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    // bids 100 / 99.5 / 99 / 98, asks 101 / 101.5 / 102 / 104
    private static DepthSnapshot Snapshot(long lastUpdateId = 10) => new(
        Btc,
        lastUpdateId,
        [new(100m, 1m), new(99.5m, 2m), new(99m, 3m), new(98m, 10m)],
        [new(101m, 0.5m), new(101.5m, 1.5m), new(102m, 2m), new(104m, 4m)],
        1_700_000_000_000);

    [Fact]
    public void Should_load_a_snapshot_with_bids_descending_and_asks_ascending()
    {
        // arrange
        var book = new OrderBook(Btc);

        // act
        book.ApplySnapshot(Snapshot() with { Bids = [new(99m, 3m), new(100m, 1m), new(98m, 10m), new(99.5m, 2m), new(97m, 0m)] });

        // assert
        Assert.Equal([new(100m, 1m), new(99.5m, 2m), new(99m, 3m), new(98m, 10m)], book.TopLevels(BookSide.Bid, 10));
        Assert.Equal([new(101m, 0.5m), new(101.5m, 1.5m), new(102m, 2m), new(104m, 4m)], book.TopLevels(BookSide.Ask, 10));
        Assert.Equal(10, book.LastUpdateId);
        Assert.Equal(new BookLevel(100m, 1m), book.BestBid);
        Assert.Equal(new BookLevel(101m, 0.5m), book.BestAsk);
        Assert.Equal(100.5m, book.Mid);
        Assert.Equal(1m, book.Spread);
        Assert.False(book.IsCrossed);
    }

    [Fact]
    public void Should_report_no_touch_on_an_empty_book()
    {
        // arrange
        var book = new OrderBook(Btc);

        // act
        book.SetLevel(BookSide.Bid, 100m, 1m);

        // assert
        Assert.Null(book.BestAsk);
        Assert.Null(book.Mid);
        Assert.Null(book.Spread);
        Assert.False(book.IsCrossed);
        Assert.Equal(0m, book.DepthWithin(BookSide.Ask, 100m));
    }

    [Fact]
    public void Should_apply_absolute_quantities_and_delete_on_zero()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act
        book.ApplyLevels(
            [new(100m, 0m), new(99.5m, 7m), new(99.75m, 1.25m), new(50m, 0m)], // delete best, replace, insert, delete absent
            [new(100.5m, 0.1m), new(104m, 0m)]);

        // assert
        Assert.Equal([new(99.75m, 1.25m), new(99.5m, 7m), new(99m, 3m), new(98m, 10m)], book.TopLevels(BookSide.Bid, 10));
        Assert.Equal([new(100.5m, 0.1m), new(101m, 0.5m), new(101.5m, 1.5m), new(102m, 2m)], book.TopLevels(BookSide.Ask, 10));
        Assert.Equal(0.75m, book.Spread);
    }

    [Fact]
    public void Should_treat_prices_equal_in_value_as_one_level_whatever_their_scale()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.SetLevel(BookSide.Ask, 101.5m, 1m);

        // act
        book.SetLevel(BookSide.Ask, 101.50m, 3m);

        // assert
        Assert.Equal(1, book.AskLevelCount);
        Assert.Equal(3m, book.BestAsk!.Value.Quantity);
    }

    [Fact]
    public void Should_set_last_update_id_from_a_diff_event()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act
        book.Apply(new DepthUpdate(Btc, 11, 15, 10, [new(100m, 4m)], [], 1));

        // assert
        Assert.Equal(15, book.LastUpdateId);
        Assert.Equal(new BookLevel(100m, 4m), book.BestBid);
    }

    [Fact]
    public void Should_report_a_crossed_book()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act
        book.SetLevel(BookSide.Bid, 101m, 1m);

        // assert
        Assert.True(book.IsCrossed);
        Assert.Equal(0m, book.Spread);
    }

    [Theory]
    [InlineData(BookSide.Bid, 0, 1)]
    [InlineData(BookSide.Bid, 0.5, 3)]
    [InlineData(BookSide.Bid, 1, 6)]
    [InlineData(BookSide.Bid, 1.99, 6)]
    [InlineData(BookSide.Bid, 2, 16)]
    [InlineData(BookSide.Ask, 0, 0.5)]
    [InlineData(BookSide.Ask, 1, 4)]
    [InlineData(BookSide.Ask, 2.999, 4)]
    [InlineData(BookSide.Ask, 3, 8)]
    [InlineData(BookSide.Ask, 1000, 8)]
    public void Should_sum_the_depth_within_a_distance_of_the_touch(BookSide side, double distance, double expected)
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act
        var depth = book.DepthWithin(side, (decimal)distance);

        // assert
        Assert.Equal((decimal)expected, depth);
    }

    [Fact]
    public void Should_estimate_a_buy_that_sweeps_three_ask_levels()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act: 0.5 @ 101 + 1.5 @ 101.5 + 1 @ 102 = 50.5 + 152.25 + 102 = 304.75 for 3
        var estimate = book.EstimateMarketFill(OrderSide.Buy, 3m);

        // assert
        Assert.Equal(new MarketFillEstimate(OrderSide.Buy, 3m, 3m, 304.75m, 304.75m / 3m, 102m, 101m, 3), estimate);
        Assert.True(estimate.IsComplete);
        Assert.Equal(0m, estimate.UnfilledQuantity);
        Assert.Equal(((304.75m / 3m) - 101m) / 101m, estimate.SlippageFraction);
    }

    [Fact]
    public void Should_estimate_a_sell_that_stops_inside_a_level()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act: 1 @ 100 + 1 @ 99.5 = 199.5 for 2
        var estimate = book.EstimateMarketFill(OrderSide.Sell, 2m);

        // assert
        Assert.Equal(new MarketFillEstimate(OrderSide.Sell, 2m, 2m, 199.5m, 99.75m, 99.5m, 100m, 2), estimate);
        Assert.Equal(0.0025m, estimate.SlippageFraction);
        Assert.Equal([new(100m, 1m), new(99.5m, 2m)], book.TopLevels(BookSide.Bid, 2)); // the book is untouched
    }

    [Fact]
    public void Should_estimate_a_partial_fill_when_the_side_runs_out()
    {
        // arrange
        var book = new OrderBook(Btc);
        book.ApplySnapshot(Snapshot());

        // act: all asks = 0.5 @ 101 + 1.5 @ 101.5 + 2 @ 102 + 4 @ 104 = 50.5 + 152.25 + 204 + 416 = 822.75 for 8
        var estimate = book.EstimateMarketFill(OrderSide.Buy, 10m);

        // assert
        Assert.Equal(new MarketFillEstimate(OrderSide.Buy, 10m, 8m, 822.75m, 102.84375m, 104m, 101m, 4), estimate);
        Assert.False(estimate.IsComplete);
        Assert.Equal(2m, estimate.UnfilledQuantity);
    }

    [Fact]
    public void Should_estimate_nothing_on_an_empty_side()
    {
        // arrange
        var book = new OrderBook(Btc);

        // act
        var estimate = book.EstimateMarketFill(OrderSide.Sell, 1m);

        // assert
        Assert.Equal(new MarketFillEstimate(OrderSide.Sell, 1m, 0m, 0m, 0m, 0m, 0m, 0), estimate);
        Assert.Equal(0m, estimate.SlippageFraction);
    }

    [Fact]
    public void Should_reject_bad_input()
    {
        // arrange
        var book = new OrderBook(Btc);

        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => book.EstimateMarketFill(OrderSide.Buy, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.SetLevel(BookSide.Bid, 0m, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.SetLevel(BookSide.Bid, 1m, -1m));
        Assert.Throws<ArgumentException>(() => book.ApplyLevels([new(1m, -2m)], []));
        Assert.Throws<ArgumentException>(() => book.ApplySnapshot(Snapshot() with { Symbol = new Symbol("ETHUSDT") }));
        Assert.Throws<ArgumentException>(() => book.ApplySnapshot(Snapshot() with { Asks = [new(101m, 1m), new(101.0m, 2m)] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.LevelAt(BookSide.Ask, 0));
    }

    [Fact]
    public void Should_match_a_reference_model_over_many_random_updates()
    {
        // arrange
        var random = new Random(4242);
        var book = new OrderBook(Btc);
        var bids = new SortedDictionary<decimal, decimal>();
        var asks = new SortedDictionary<decimal, decimal>();

        for (var step = 0; step < 20_000; step++)
        {
            var side = random.Next(2) == 0 ? BookSide.Bid : BookSide.Ask;
            var price = (side == BookSide.Bid ? 900m : 1000m) + (random.Next(0, 200) * 0.5m);
            var quantity = random.Next(3) == 0 ? 0m : random.Next(1, 1000) / 100m;
            var model = side == BookSide.Bid ? bids : asks;

            // act
            book.SetLevel(side, price, quantity);
            if (quantity == 0m)
            {
                model.Remove(price);
            }
            else
            {
                model[price] = quantity;
            }

            // assert
            if (step % 500 == 0 || step == 19_999)
            {
                Assert.Equal(bids.Reverse().Select(p => new BookLevel(p.Key, p.Value)), book.TopLevels(BookSide.Bid, int.MaxValue));
                Assert.Equal(asks.Select(p => new BookLevel(p.Key, p.Value)), book.TopLevels(BookSide.Ask, int.MaxValue));
            }

            Assert.Equal(bids.Count == 0 ? null : new BookLevel(bids.Keys.Max(), bids[bids.Keys.Max()]), book.BestBid);
            Assert.Equal(asks.Count == 0 ? null : new BookLevel(asks.Keys.Min(), asks[asks.Keys.Min()]), book.BestAsk);
        }
    }

    [Fact]
    public void Should_keep_fill_estimates_consistent_over_many_random_books()
    {
        // arrange
        var random = new Random(99);
        for (var round = 0; round < 500; round++)
        {
            var book = new OrderBook(Btc);
            var levels = Enumerable.Range(1, random.Next(1, 30))
                .Select(i => new BookLevel(100m + (i * 0.1m), random.Next(1, 500) / 100m))
                .ToArray();
            book.ApplySnapshot(new DepthSnapshot(Btc, round, [], levels, 0));
            var quantity = random.Next(1, 5_000) / 100m;

            // act
            var estimate = book.EstimateMarketFill(OrderSide.Buy, quantity);

            // assert
            var available = levels.Sum(l => l.Quantity);
            Assert.Equal(Math.Min(quantity, available), estimate.FilledQuantity);
            Assert.InRange(estimate.AveragePrice, estimate.TouchPrice, estimate.WorstPrice);
            Assert.Equal(100.1m, estimate.TouchPrice);
            var expectedNotional = 0m;
            var remaining = quantity;
            foreach (var level in levels)
            {
                var take = Math.Min(remaining, level.Quantity);
                expectedNotional += take * level.Price;
                remaining -= take;
            }

            Assert.Equal(expectedNotional, estimate.Notional);
        }
    }
}
