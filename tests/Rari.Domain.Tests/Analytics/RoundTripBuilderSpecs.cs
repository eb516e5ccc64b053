using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Analytics;

public sealed class RoundTripBuilderSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_close_a_round_trip_with_average_entry_weighted_time_and_pro_rata_fees_and_funding()
    {
        // arrange: buy 1 @ 100 (fee 0.1) at t=0, buy 3 @ 104 (fee 0.3) at t=4000, funding 0.8 paid on the whole position
        var trades = new List<ClosedTrade>();
        var builder = new RoundTripBuilder(Btc, trades);
        builder.OnFill(OrderSide.Buy, 100m, 1m, 0.1m, 0m, 0);
        builder.OnFill(OrderSide.Buy, 104m, 3m, 0.3m, 0m, 4_000);
        builder.OnFunding(0.8m);

        // act: sell 2 @ 110 (fee 0.2) realizing 2 × (110 − 103) = 14
        builder.OnFill(OrderSide.Sell, 110m, 2m, 0.2m, 14m, 10_000);

        // assert
        var trade = Assert.Single(trades);
        Assert.Equal(new ClosedTrade(Btc, OrderSide.Buy, 2m, 103m, 110m, 3_000, 10_000, 14m, 0.4m, 0.4m), trade);
        Assert.Equal(2m, builder.Position);
        Assert.Equal(0.2m, builder.OpenFees);
        Assert.Equal(0.4m, builder.OpenFunding);
    }

    [Fact]
    public void Should_close_the_old_position_and_open_the_rest_when_a_fill_flips_it()
    {
        // arrange
        var trades = new List<ClosedTrade>();
        var builder = new RoundTripBuilder(Btc, trades);
        builder.OnFill(OrderSide.Sell, 50m, 1m, 0.05m, 0m, 1_000);

        // act: buy 3 @ 40 closes the short (+10) and opens 2 long; its fee 0.12 splits 0.04 / 0.08
        builder.OnFill(OrderSide.Buy, 40m, 3m, 0.12m, 10m, 2_000);

        // assert
        var trade = Assert.Single(trades);
        Assert.Equal(new ClosedTrade(Btc, OrderSide.Sell, 1m, 50m, 40m, 1_000, 2_000, 10m, 0.09m, 0m), trade);
        Assert.Equal(2m, builder.Position);
        Assert.Equal(40m, builder.EntryPrice);
        Assert.Equal(0.08m, builder.OpenFees);
    }

    [Fact]
    public void Should_attribute_every_fee_and_funding_payment_exactly_once_over_random_fills()
    {
        // arrange
        var random = new Random(20_250_506);
        for (var scenario = 0; scenario < 200; scenario++)
        {
            var trades = new List<ClosedTrade>();
            var builder = new RoundTripBuilder(Btc, trades);
            decimal fees = 0m, funding = 0m, realized = 0m;

            // act
            for (var i = 0; i < 40; i++)
            {
                var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
                var quantity = random.Next(1, 50) / 10m;
                var fee = random.Next(0, 100) / 1000m;
                var pnl = random.Next(-500, 500) / 100m;
                var closing = builder.Position != 0m && (side == OrderSide.Sell) == (builder.Position > 0m);
                builder.OnFill(side, 100m + random.Next(-5, 5), quantity, fee, closing ? pnl : 0m, i * 1_000);
                fees += fee;
                realized += closing ? pnl : 0m;
                if (random.Next(4) == 0 && builder.Position != 0m)
                {
                    var paid = random.Next(-30, 30) / 100m;
                    builder.OnFunding(paid);
                    funding += paid;
                }
            }

            // assert
            Assert.Equal(fees, trades.Sum(t => t.Fees) + builder.OpenFees);
            Assert.Equal(funding, trades.Sum(t => t.Funding) + builder.OpenFunding);
            Assert.Equal(realized, trades.Sum(t => t.GrossPnl));
            Assert.All(trades, t => Assert.True(t.Quantity > 0m && t.ExitTimeMs >= t.EntryTimeMs));
            if (builder.Position == 0m)
            {
                Assert.Equal(0m, builder.OpenFees);
                Assert.Equal(0m, builder.OpenFunding);
            }
        }
    }

    [Fact]
    public void Should_compute_the_realized_pnl_from_the_average_entry_for_domain_fills()
    {
        // arrange: short 2 @ 100 and 1 @ 103 (average 101), then buy back 3 @ 98 across the flip to a long of 1
        var trades = new List<ClosedTrade>();
        var builder = new RoundTripBuilder(Btc, trades);
        builder.OnFill(Fill(OrderSide.Sell, 100m, 2m, 1));
        builder.OnFill(Fill(OrderSide.Sell, 103m, 1m, 2));

        // act
        builder.OnFill(Fill(OrderSide.Buy, 98m, 4m, 3));

        // assert
        var trade = Assert.Single(trades);
        Assert.Equal((OrderSide.Sell, 3m, 101m, 98m), (trade.Direction, trade.Quantity, trade.EntryPrice, trade.ExitPrice));
        Assert.Equal(9m, trade.GrossPnl); // (101 − 98) × 3 <--
        Assert.Equal(1m, builder.Position);
        Assert.Equal(98m, builder.EntryPrice);
        Assert.Throws<ArgumentException>(() => builder.OnFill(Fill(OrderSide.Buy, 98m, 1m, 4) with { Symbol = new Symbol("ETHUSDT") }));
    }

    private static Fill Fill(OrderSide side, decimal price, decimal quantity, long tradeId) => new(
        Btc, new ClientOrderId($"rari-grid-BTCUSDT-{tradeId:000000}"), new VenueOrderId(tradeId), new TradeId(tradeId), side, PositionSide.Both,
        price, quantity, 0m, LiquiditySide.Maker, tradeId * 1_000);
}
