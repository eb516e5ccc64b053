using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Analytics;

public sealed class TradeTallySpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_give_the_statistics_of_the_trades_added_one_at_a_time()
    {
        // arrange: a win of 13.2 net, a loss of -10.09 net and a flat one, held 7, 1 and 2 seconds
        var tally = new TradeTally();
        ClosedTrade[] trades =
        [
            new(Btc, OrderSide.Buy, 2m, 103m, 110m, 3_000, 10_000, 14m, 0.4m, 0.4m),
            new(Btc, OrderSide.Sell, 1m, 40m, 50m, 1_000, 2_000, -10m, 0.09m, 0m),
            new(Btc, OrderSide.Buy, 1m, 50m, 50m, 0, 2_000, 0m, 0m, 0m),
        ];

        // act
        foreach (var trade in trades)
        {
            tally.Add(trade);
        }

        // assert
        Assert.Equal(3, tally.Count);
        Assert.Equal(new TradeStatistics(1.0 / 3, (double)(13.2m / 10.09m), 13.2m, -10.09m, 3_333), tally.Statistics()); // <--
    }

    [Fact]
    public void Should_agree_with_the_statistics_of_the_whole_list_over_random_trades()
    {
        // arrange
        var random = new Random(20261125);
        var tally = new TradeTally();
        var trades = new List<ClosedTrade>();

        for (var i = 0; i < 500; i++)
        {
            var entry = 100m + random.Next(0, 1_000) / 10m;
            var pnl = random.Next(-500, 501) / 10m;
            var trade = new ClosedTrade(Btc, i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 1m, entry, entry + pnl, i * 1_000L, (i * 1_000L) + random.Next(1, 100_000), pnl, random.Next(0, 5) / 100m, 0m);

            // act
            tally.Add(trade);
            trades.Add(trade);

            // assert: after every trade, the running tally is the list's statistics
            Assert.Equal(TradeStatistics.From(trades), tally.Statistics()); // <--
        }
    }

    [Fact]
    public void Should_report_nothing_before_the_first_trade()
    {
        // act
        var statistics = new TradeTally().Statistics();

        // assert
        Assert.Equal(new TradeStatistics(0.0, null, 0m, 0m, 0), statistics);
    }
}
