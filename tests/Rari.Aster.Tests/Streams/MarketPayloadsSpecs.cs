using System.Text.Json;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Tests.Streams;

public sealed class MarketPayloadsSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_parse_a_kline_with_its_interval_and_closed_flag()
    {
        // arrange
        const string text = """
            {"stream":"btcusdt@kline_5m","data":{"e":"kline","E":1750000000199,"s":"BTCUSDT","k":{"t":1749999900000,"T":1750000199999,"s":"BTCUSDT",
            "i":"5m","f":100,"L":200,"o":"65000.0","c":"65050.0","h":"65100.0","l":"64990.0","v":"3","n":101,"x":false,"q":"195075.5","V":"1.5","Q":"97537.7","B":"0"}}}
            """;

        // act
        var parsed = Parse(text);

        // assert
        Assert.Equal(
            new MarketData<KlineUpdate>(
                "btcusdt@kline_5m",
                new KlineUpdate(Btc, KlineInterval.FiveMinutes, new Kline(1749999900000, 65000.0m, 65100.0m, 64990.0m, 65050.0m, 3m, 195075.5m, 101), false, 1750000199999, 1.5m, 97537.7m),
                1750000000199),
            parsed.Single());
    }

    [Fact]
    public void Should_parse_an_aggregate_trade()
    {
        // arrange
        const string text = """{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1750000000100,"s":"BTCUSDT","a":5933014,"p":"65050.00","q":"0.010","f":100,"l":105,"T":1750000000099,"m":true}}""";

        // act
        var parsed = Parse(text);

        // assert
        var trade = Assert.IsType<MarketData<Trade>>(parsed.Single());
        Assert.Equal(new Trade(Btc, 5933014, 65050.00m, 0.010m, 1750000000099, true), trade.Data);
        Assert.Equal(Rari.Domain.Orders.OrderSide.Sell, trade.Data.TakerSide);
    }

    [Fact]
    public void Should_parse_a_book_ticker_timed_by_its_transaction_time()
    {
        // arrange
        const string text = """{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":400900217,"E":1750000000200,"T":1750000000199,"s":"BTCUSDT","b":"65000.0","B":"1","a":"65000.1","A":"0.5"}}""";

        // act
        var parsed = Parse(text);

        // assert
        Assert.Equal(new MarketData<BookTicker>("btcusdt@bookTicker", new BookTicker(Btc, 65000.0m, 1m, 65000.1m, 0.5m, 400900217, 1750000000199), 1750000000200), parsed.Single());
    }

    [Fact]
    public void Should_parse_each_element_of_an_all_symbol_mark_price_array()
    {
        // arrange
        const string text = """
            {"stream":"!markPrice@arr","data":[
            {"e":"markPriceUpdate","E":1750000001000,"s":"BTCUSDT","p":"65040.0","i":"65041.0","P":"65039.5","r":"0.00010000","T":1750003200000},
            {"e":"markPriceUpdate","E":1750000001000,"s":"ETHUSDT","p":"2500.10","i":"2500.20","P":"2500.00","r":"-0.00005000","T":1750003200000}]}
            """;

        // act
        var parsed = Parse(text);

        // assert
        Assert.Equal(
            [
                new MarketData<MarkPriceUpdate>("!markPrice@arr", new MarkPriceUpdate(Btc, 65040.0m, 65041.0m, 65039.5m, 0.0001m, 1750003200000, 1750000001000), 1750000001000),
                new MarketData<MarkPriceUpdate>("!markPrice@arr", new MarkPriceUpdate(new Symbol("ETHUSDT"), 2500.10m, 2500.20m, 2500.00m, -0.00005m, 1750003200000, 1750000001000), 1750000001000),
            ],
            parsed);
    }

    [Fact]
    public void Should_parse_a_diff_depth_event_on_a_depth_stream_and_a_snapshot_on_a_partial_one()
    {
        // arrange
        const string payload = """{"e":"depthUpdate","E":1750000000300,"T":1750000000298,"s":"BTCUSDT","U":157,"u":160,"pu":149,"b":[["65000.0","1.5"],["64999.9","0"]],"a":[["65000.1","0.25"]]}""";

        // act
        var diff = Assert.IsType<MarketData<DepthUpdate>>(Parse($$"""{"stream":"btcusdt@depth@100ms","data":{{payload}}}""").Single());
        var partial = Assert.IsType<MarketData<DepthSnapshot>>(Parse($$"""{"stream":"btcusdt@depth20@100ms","data":{{payload}}}""").Single());

        // assert
        Assert.Equal((Btc, 157L, 160L, 149L, 1750000000300L), (diff.Data.Symbol, diff.Data.FirstUpdateId, diff.Data.FinalUpdateId, diff.Data.PreviousFinalUpdateId, diff.Data.EventTimeMs));
        Assert.Equal([new BookLevel(65000.0m, 1.5m), new BookLevel(64999.9m, 0m)], diff.Data.Bids);
        Assert.Equal([new BookLevel(65000.1m, 0.25m)], diff.Data.Asks);
        Assert.Equal((Btc, 160L, 1750000000298L), (partial.Data.Symbol, partial.Data.LastUpdateId, partial.Data.TimeMs));
        Assert.Equal(diff.Data.Bids, partial.Data.Bids);
    }

    [Fact]
    public void Should_parse_the_24_hour_tickers()
    {
        // arrange
        const string full = """
            {"stream":"btcusdt@ticker","data":{"e":"24hrTicker","E":1750000000400,"s":"BTCUSDT","p":"100.0","P":"0.154","w":"65010.2","c":"65050.0","Q":"0.010",
            "o":"64950.0","h":"65200.0","l":"64800.0","v":"1234.567","q":"80259000.12","O":1749913600400,"C":1750000000399,"F":1000,"L":2000,"n":1001}}
            """;
        const string mini = """{"stream":"btcusdt@miniTicker","data":{"e":"24hrMiniTicker","E":1750000000500,"s":"BTCUSDT","c":"65050.0","o":"64950.0","h":"65200.0","l":"64800.0","v":"1234.567","q":"80259000.12"}}""";

        // act
        var ticker = Parse(full).Single();
        var miniTicker = Parse(mini).Single();

        // assert
        Assert.Equal(
            new MarketData<Ticker24Hour>("btcusdt@ticker", new Ticker24Hour(Btc, 100.0m, 0.154m, 65010.2m, 65050.0m, 0.010m, 64950.0m, 65200.0m, 64800.0m, 1234.567m, 80259000.12m, 1749913600400, 1750000000399, 1000, 2000, 1001), 1750000000400),
            ticker);
        Assert.Equal(
            new MarketData<MiniTicker24Hour>("btcusdt@miniTicker", new MiniTicker24Hour(Btc, 65050.0m, 64950.0m, 65200.0m, 64800.0m, 1234.567m, 80259000.12m), 1750000000500),
            miniTicker);
    }

    [Fact]
    public void Should_read_numbers_sent_as_json_numbers_and_payloads_sent_unwrapped()
    {
        // arrange
        const string text = """{"e":"aggTrade","E":1,"s":"BTCUSDT","a":"9","p":65050.5,"q":0.001,"T":"2","m":false}""";

        // act
        var parsed = Parse(text);

        // assert
        Assert.Equal(new MarketData<Trade>(string.Empty, new Trade(Btc, 9, 65050.5m, 0.001m, 2, false), 1), parsed.Single());
    }

    [Theory]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"q":"1","T":1,"m":true}}""", "field 'p' is missing")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"p":"x","q":"1","T":1,"m":true}}""", "field 'p' is not a number")]
    [InlineData("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"k":{"i":"7m"}}}""", "kline interval '7m' is unknown")]
    [InlineData("""{"stream":"btcusdt@forceOrder","data":{"e":"forceOrder","E":1}}""", "event type 'forceOrder' is not one this client reads")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":42}""", "the payload is not an object")]
    [InlineData("""{"stream":"btcusdt@depth","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":1,"pu":0,"b":[["1"]],"a":[]}}""", "field 'b' holds a level that is not [price, quantity]")]
    [InlineData("""{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":1,"s":"BTC-USDT","a":1,"p":"1","q":"1","T":1,"m":true}}""", "field 's' is not a symbol")]
    public void Should_say_what_is_wrong_with_a_payload_it_cannot_read(string text, string problem)
    {
        // act
        var refused = Assert.Throws<FormatException>(() => Parse(text));

        // assert
        Assert.Equal(problem, refused.Message);
    }

    private static IReadOnlyList<MarketStreamEvent> Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return MarketPayloads.Parse(document.RootElement);
    }
}
