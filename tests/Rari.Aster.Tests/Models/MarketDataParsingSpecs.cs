using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Tests.Models;

/// <summary>Market-data answers, with the field lists and samples of the fact sheet (§3.1).</summary>
public sealed class MarketDataParsingSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_read_a_depth_snapshot_with_decimal_strings()
    {
        // arrange
        const string Body = """
            {"lastUpdateId":1027024,"E":1589436922972,"T":1589436922959,
             "bids":[["4.00000000","431.00000000"],["3.99","0.010"]],"asks":[["4.00000200","12.00000000"]]}
            """;

        // act
        var depth = AsterJson.Deserialize<AsterDepth>(Body.AsBytes());
        var snapshot = depth.ToDepthSnapshot(Btc);

        // assert
        Assert.Equal(1027024, depth.LastUpdateId);
        Assert.Equal(1589436922972, depth.EventTime);
        Assert.Equal([new BookLevel(4.00000000m, 431.00000000m), new BookLevel(3.99m, 0.010m)], depth.Bids);
        Assert.Equal("0.010", depth.Bids[1].Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)); // scale kept
        Assert.Equal(new BookLevel(4.000002m, 12m), Assert.Single(depth.Asks));
        Assert.Equal(1589436922959, snapshot.TimeMs);
        Assert.Equal(1027024, snapshot.LastUpdateId);
        Assert.Equal(Btc, snapshot.Symbol);
    }

    [Fact]
    public void Should_read_recent_and_aggregate_trades()
    {
        // arrange
        const string Trades = """[{"id":28457,"price":"4.00000100","qty":"12.00000000","quoteQty":"48.00","time":1499865549590,"isBuyerMaker":true}]""";
        const string AggTrades = """[{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,"T":1498793709153,"m":true}]""";

        // act
        var trade = Assert.Single(AsterJson.Deserialize<IReadOnlyList<AsterTrade>>(Trades.AsBytes()));
        var aggregate = Assert.Single(AsterJson.Deserialize<IReadOnlyList<AsterAggTrade>>(AggTrades.AsBytes()));

        // assert
        Assert.Equal(new AsterTrade { Id = 28457, Price = 4.000001m, Qty = 12m, QuoteQty = 48m, Time = 1499865549590, IsBuyerMaker = true }, trade);
        Assert.Equal(new Trade(Btc, 26129, 0.01633102m, 4.70443515m, 1498793709153, true), aggregate.ToTrade(Btc));
        Assert.Equal(27781, aggregate.FirstTradeId);
        Assert.Equal(27781, aggregate.LastTradeId);
    }

    [Fact]
    public void Should_read_kline_arrays_mixing_numbers_and_strings()
    {
        // arrange
        const string Body = """
            [[1499040000000,"0.01634790","0.80000000","0.01575800","0.01577100","148976.11427815",1499644799999,"2434.19055334",308,"1756.87402397","28.46694368","17928899.62484339"],
             [1499040060000,65000.1,65010,64990.5,65005,"12.5",1499040119999,"812500.00",42,"6","390000","0"]]
            """;

        // act
        var klines = AsterJson.Deserialize<IReadOnlyList<AsterKline>>(Body.AsBytes());

        // assert
        Assert.Equal(2, klines.Count);
        Assert.Equal(new Kline(1499040000000, 0.01634790m, 0.80000000m, 0.01575800m, 0.01577100m, 148976.11427815m, 2434.19055334m, 308), klines[0].ToKline());
        Assert.Equal(1499644799999, klines[0].CloseTime);
        Assert.Equal(1756.87402397m, klines[0].TakerBuyBaseVolume);
        Assert.Equal(28.46694368m, klines[0].TakerBuyQuoteVolume);
        Assert.Equal(new Kline(1499040060000, 65000.1m, 65010m, 64990.5m, 65005m, 12.5m, 812500m, 42), klines[1].ToKline());
    }

    [Fact]
    public void Should_refuse_a_kline_with_too_few_elements()
    {
        // arrange
        const string Body = """[[1499040000000,"1","2","3"]]""";

        // act
        var error = Assert.Throws<System.Text.Json.JsonException>(() => AsterJson.Deserialize<IReadOnlyList<AsterKline>>(Body.AsBytes()));

        // assert
        Assert.Contains("Expected at least 11 elements, found 4.", error.Message);
    }

    [Fact]
    public void Should_read_the_premium_index_into_a_mark_price_update()
    {
        // arrange
        const string Body = """
            {"symbol":"BTCUSDT","markPrice":"11793.63104562","indexPrice":"11781.80495970","estimatedSettlePrice":"11781.16138815",
             "lastFundingRate":"0.00038246","nextFundingTime":1597392000000,"interestRate":"0.00010000","time":1597370495002}
            """;

        // act
        var index = AsterJson.Deserialize<AsterPremiumIndex>(Body.AsBytes());

        // assert
        Assert.Equal(
            new MarkPriceUpdate(Btc, 11793.63104562m, 11781.80495970m, 11781.16138815m, 0.00038246m, 1597392000000, 1597370495002),
            index.ToMarkPriceUpdate());
        Assert.Equal(0.0001m, index.InterestRate);
    }

    [Fact]
    public void Should_read_funding_history_and_funding_configuration()
    {
        // arrange
        const string History = """[{"symbol":"BTCUSDT","fundingRate":"-0.03750000","fundingTime":1570608000000}]""";
        const string Config = """[{"symbol":"BTCUSDT","interestRate":"0.00010000","time":1754035200000,"fundingIntervalHours":4,"fundingFeeCap":0.02,"fundingFeeFloor":-0.02}]""";

        // act
        var rate = Assert.Single(AsterJson.Deserialize<IReadOnlyList<AsterFundingRate>>(History.AsBytes()));
        var info = Assert.Single(AsterJson.Deserialize<IReadOnlyList<AsterFundingInfo>>(Config.AsBytes()));

        // assert
        Assert.Equal(new FundingRateUpdate(Btc, -0.0375m, 1570608000000), rate.ToFundingRateUpdate());
        Assert.Equal(4, info.FundingIntervalHours);
        Assert.Equal(0.02m, info.FundingFeeCap);
        Assert.Equal(-0.02m, info.FundingFeeFloor);
        Assert.Equal(0.0001m, info.InterestRate);
    }

    [Fact]
    public void Should_read_the_tickers()
    {
        // arrange
        const string Day = """
            {"symbol":"BTCUSDT","priceChange":"-94.99999800","priceChangePercent":"-95.960","weightedAvgPrice":"0.29628482",
             "prevClosePrice":"0.10002000","lastPrice":"4.00000200","lastQty":"200.00000000","openPrice":"99.00000000",
             "highPrice":"100.00000000","lowPrice":"0.10000000","volume":"8913.30000000","quoteVolume":"15.30000000",
             "openTime":1499783499040,"closeTime":1499869899040,"firstId":28385,"lastId":28460,"count":76}
            """;
        const string Price = """{"symbol":"BTCUSDT","price":"6000.01","time":1589437530011}""";
        const string Book = """{"symbol":"BTCUSDT","bidPrice":"4.00000000","bidQty":"431.00000000","askPrice":"4.00000200","askQty":"9.00000000","time":1589437530011,"lastUpdateId":1027024}""";

        // act
        var day = AsterJson.Deserialize<AsterTicker24Hour>(Day.AsBytes());
        var price = AsterJson.Deserialize<AsterPriceTicker>(Price.AsBytes());
        var book = AsterJson.Deserialize<AsterBookTicker>(Book.AsBytes()).ToBookTicker();

        // assert
        Assert.Equal(-95.960m, day.PriceChangePercent);
        Assert.Equal(76, day.Count);
        Assert.Equal(28460, day.LastId);
        Assert.Equal(6000.01m, price.Price);
        Assert.Equal(new BookTicker(Btc, 4m, 431m, 4.000002m, 9m, 1027024, 1589437530011), book);
    }
}

/// <summary>Test helpers for JSON text.</summary>
internal static class JsonText
{
    public static byte[] AsBytes(this string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
