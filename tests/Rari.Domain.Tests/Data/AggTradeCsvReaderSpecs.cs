using System.Text;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Domain.Tests.Data;

public class AggTradeCsvReaderSpecs
{
    private const string Header = "trade_id,time_ms,price,qty,is_buyer_maker";

    [Fact]
    public void Should_read_the_recorded_ape_day_as_the_readme_describes_it()
    {
        // act
        var trades = AggTradeCsvReader.Read(SharedData.File("trades/binance-usdm/APEUSDT-aggTrades-20241018.csv.gz")).ToList();

        // assert
        Assert.Equal(45_342, trades.Count);
        Assert.Equal(171_927_517, trades[0].Id);
        Assert.Equal(171_972_858, trades[^1].Id);
        Assert.Equal(22_202, trades.Count(t => t.IsBuyerMaker));
        Assert.Equal(0.7075m, trades.Min(t => t.Price));
        Assert.Equal(0.7386m, trades.Max(t => t.Price));
        Assert.All(trades, t => Assert.Equal(new Symbol("APEUSDT"), t.Symbol));
        Assert.Equal(new Trade(new Symbol("APEUSDT"), 171_927_517, 0.7097m, 19m, 1_729_209_603_958, false), trades[0]);
        Assert.Equal(new Trade(new Symbol("APEUSDT"), 171_927_518, 0.7096m, 2254m, 1_729_209_604_056, true), trades[1]);
        Assert.Equal(OrderSide.Buy, trades[0].TakerSide);
        Assert.Equal(OrderSide.Sell, trades[1].TakerSide);
    }

    [Fact]
    public void Should_accept_python_style_booleans_and_repeated_times()
    {
        // arrange
        var text = $"{Header}\n5,1000,1.5,2,True\n6,1000,1.25,0.5,FALSE\n";

        // act
        var trades = AggTradeCsvReader.Read(Utf8(text), "x.csv", new Symbol("BTCUSDT")).ToList();

        // assert
        Assert.Equal(
            [new Trade(new Symbol("BTCUSDT"), 5, 1.5m, 2m, 1000, true), new Trade(new Symbol("BTCUSDT"), 6, 1.25m, 0.5m, 1000, false)],
            trades);
        Assert.Equal(0.625m, trades[1].Notional);
    }

    [Theory]
    [InlineData("5,1001,1,1,true", "x.csv line 3, column 1 (trade_id): trade id 5 is not above the previous row's 5; ids must strictly increase")]
    [InlineData("6,999,1,1,true", "x.csv line 3, column 2 (time_ms): time 999 is before the previous row's 1000; times must not decrease")]
    [InlineData("6,1000,1,0,true", "x.csv line 3, column 4 (qty): quantity 0: a trade has a positive quantity")]
    [InlineData("6,1000,1,1,yes", "x.csv line 3, column 5 (is_buyer_maker): 'yes' is not true or false")]
    [InlineData("6,1000,-1,1,true", "x.csv line 3, column 3 (price): price -1 is not positive")]
    [InlineData("6,1000,1,1", "x.csv line 3, column 5 (is_buyer_maker): missing; expected 5 columns but the line has 4")]
    public void Should_name_file_line_and_column_of_a_bad_trade_row(string badRow, string message)
    {
        // arrange
        var text = $"{Header}\n5,1000,1,1,false\n{badRow}\n";

        // act
        var error = Assert.Throws<MarketDataFormatException>(() => AggTradeCsvReader.Read(Utf8(text), "x.csv", new Symbol("BTCUSDT")).ToList());

        // assert
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Should_refuse_a_kline_file_given_as_trades()
    {
        // act
        var error = Assert.Throws<MarketDataFormatException>(
            () => AggTradeCsvReader.Read(SharedData.File("klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz")).First());

        // assert
        Assert.Equal(
            "BTCUSDT-1m-20230718-20230817.csv.gz line 1: 'open_time_ms,open,high,low,close,volume,quote_volume,trades' is not an aggTrades header; expected 'trade_id,time_ms,price,qty,is_buyer_maker'",
            error.Message);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
