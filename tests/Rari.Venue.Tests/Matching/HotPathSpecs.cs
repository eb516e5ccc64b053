using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.TestKit;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Matching;

/// <summary>The backtester's hot path: klines that reach no order must cost comparisons only, never allocations.</summary>
public sealed class HotPathSpecs
{
    [Fact]
    public void Should_allocate_nothing_for_klines_that_reach_no_order_while_a_grid_rests_and_a_position_is_open()
    {
        // arrange: a long position (margin bands active), a 20-order grid and a stop around the price; funding daily,
        // so that none falls due during the measured day
        var venue = new VenueHarness(wallet: 100_000m, settings: new SymbolSettings { FundingIntervalHours = 24 });
        venue.OpenAt(0.5m, 30_000m);
        for (var level = 1; level <= 10; level++)
        {
            venue.Place(Limit(OrderSide.Buy, 0.01m, 29_000m - (level * 10m)));
            venue.Place(Limit(OrderSide.Sell, 0.01m, 31_000m + (level * 10m)));
        }

        venue.Place(Stop(OrderSide.Sell, 0.5m, 28_000m) with { ReduceOnly = true });
        var klines = Enumerable.Range(0, 1_300)
            .Select(i => new Kline(venue.NextKlineMs + (i * TestKlines.MinuteMs), 30_000m, 30_003m + (i % 7), 30_000m - (i % 5), 30_000m + (i % 3), 10m))
            .ToArray();
        for (var i = 0; i < 100; i++)
        {
            venue.Venue.OnKline(Btc, klines[i]);
        }

        var eventsBefore = venue.Events.Count;

        // act
        var next = 100;
        var allocated = Allocations.Minimum(() =>
        {
            // Three runs of 400 bars each: the rest of the day.
            for (var i = 0; i < (klines.Length - 100) / 3; i++)
            {
                venue.Venue.OnKline(Btc, klines[next++]);
            }
        });

        // assert
        Assert.Equal(0, allocated);
        Assert.Equal(eventsBefore, venue.Events.Count);
        Assert.Equal(21, venue.Venue.GetOpenOrders(Alice, Btc).Value.Count);
    }
}
