using System.Globalization;
using System.Text.Json;
using Rari.Aster.Sim.Tests.Support;
using Rari.Domain.Data;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Tests.Streams;

public sealed class MarketStreamSpecs : IAsyncLifetime
{
    private const long SampleStart = 1_746_489_600_000;
    private static readonly List<Kline> Btc = KlineCsvReader.Read(SimHost.SampleFile("BTCUSDT")).Take(200).ToList();
    private SimHost _host = null!;

    public async Task InitializeAsync() => _host = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("btcusdt@aggTrade", "e,E,s,a,p,q,f,l,T,m")]
    [InlineData("btcusdt@markPrice", "e,E,s,p,i,P,r,T")]
    [InlineData("btcusdt@markPrice@1s", "e,E,s,p,i,P,r,T")]
    [InlineData("btcusdt@kline_1m", "e,E,s,k")]
    [InlineData("btcusdt@depth5", "e,E,T,s,U,u,pu,b,a")]
    [InlineData("btcusdt@depth20@100ms", "e,E,T,s,U,u,pu,b,a")]
    [InlineData("btcusdt@depth", "e,E,T,s,U,u,pu,b,a")]
    [InlineData("btcusdt@depth@500ms", "e,E,T,s,U,u,pu,b,a")]
    [InlineData("btcusdt@bookTicker", "e,u,E,T,s,b,B,a,A")]
    [InlineData("btcusdt@ticker", "e,E,s,p,P,w,c,Q,o,h,l,v,q,O,C,F,L,n")]
    [InlineData("btcusdt@miniTicker", "e,E,s,c,o,h,l,v,q")]
    public async Task Should_publish_each_stream_with_the_documented_field_names(string stream, string fields)
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/ws/" + stream);

        // act
        await _host.StepAsync(2);
        var payload = await ws.ReceiveAsync();

        // assert
        Assert.Equal(fields.Split(','), payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SampleStart + 60_000, payload.GetProperty("E").GetInt64());
    }

    [Theory]
    [InlineData("!markPrice@arr", "markPriceUpdate")]
    [InlineData("!miniTicker@arr", "24hrMiniTicker")]
    [InlineData("!ticker@arr", "24hrTicker")]
    public async Task Should_publish_all_symbol_arrays(string stream, string eventType)
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/ws/" + stream);

        // act
        await _host.StepAsync(1);
        var payload = await ws.ReceiveAsync();

        // assert
        Assert.Equal(4, payload.GetArrayLength());
        Assert.All(payload.EnumerateArray(), e => Assert.Equal(eventType, e.GetProperty("e").GetString()));
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "SUIUSDT"], payload.EnumerateArray().Select(e => e.GetProperty("s").GetString()));
    }

    [Fact]
    public async Task Should_wrap_payloads_on_combined_streams()
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/stream?streams=btcusdt@kline_5m/ethusdt@markPrice@1s");

        // act
        await _host.StepAsync(1);
        var first = await ws.ReceiveAsync();
        var second = await ws.ReceiveAsync();

        // assert
        Assert.Equal(["stream", "data"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("btcusdt@kline_5m", first.GetProperty("stream").GetString());
        Assert.Equal("kline", first.GetProperty("data").GetProperty("e").GetString());
        Assert.Equal("ethusdt@markPrice@1s", second.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task Should_publish_klines_in_progress_and_closed()
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/ws/btcusdt@kline_5m");

        // act
        await _host.StepAsync(5);
        var updates = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            updates.Add((await ws.ReceiveAsync()).GetProperty("k"));
        }

        // assert
        var expected = KlineAggregator.Aggregate(Btc.Take(5), KlineInterval.OneMinute, KlineInterval.FiveMinutes).Single();
        Assert.Equal([false, false, false, false, true], updates.Select(k => k.GetProperty("x").GetBoolean()));
        var last = updates[^1];
        Assert.Equal(SampleStart, last.GetProperty("t").GetInt64());
        Assert.Equal(SampleStart + 299_999, last.GetProperty("T").GetInt64());
        Assert.Equal("5m", last.GetProperty("i").GetString());
        Assert.Equal(expected.Open, Dec(last.GetProperty("o")));
        Assert.Equal(expected.High, Dec(last.GetProperty("h")));
        Assert.Equal(expected.Low, Dec(last.GetProperty("l")));
        Assert.Equal(expected.Close, Dec(last.GetProperty("c")));
        Assert.Equal(expected.Volume, Dec(last.GetProperty("v")));
        Assert.Equal(Btc[0].Close, Dec(updates[0].GetProperty("c")));
    }

    [Fact]
    public async Task Should_publish_the_synthetic_trades_of_each_bar()
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/ws/btcusdt@aggTrade");

        // act
        await _host.StepAsync(1);
        var trades = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            trades.Add(await ws.ReceiveAsync());
        }

        // assert
        Assert.Equal([1L, 2, 3, 4], trades.Select(t => t.GetProperty("a").GetInt64()));
        Assert.Equal(Btc[0].Volume, trades.Sum(t => Dec(t.GetProperty("q"))));
        Assert.Equal(Btc[0].Close, Dec(trades[^1].GetProperty("p")));
    }

    [Fact]
    public async Task Should_keep_a_local_book_in_sync_with_the_diff_stream_as_section_4_4_describes()
    {
        // arrange: buffer diffs, then take a snapshot, then apply
        await using var ws = await _host.ConnectAsync("/ws/btcusdt@depth");
        await _host.StepAsync(3);
        var (_, snapshot, _) = await _host.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
        await _host.StepAsync(30);
        var events = new List<JsonElement>();
        for (var i = 0; i < 33; i++)
        {
            events.Add(await ws.ReceiveAsync());
        }

        // act
        var lastUpdateId = snapshot.GetProperty("lastUpdateId").GetInt64();
        var bids = Levels(snapshot.GetProperty("bids"));
        var asks = Levels(snapshot.GetProperty("asks"));
        var applicable = events.Where(e => e.GetProperty("u").GetInt64() >= lastUpdateId).ToList();
        long? previous = null;
        foreach (var e in applicable)
        {
            if (previous is null)
            {
                Assert.True(e.GetProperty("U").GetInt64() <= lastUpdateId && lastUpdateId <= e.GetProperty("u").GetInt64());
            }
            else
            {
                Assert.Equal(previous, e.GetProperty("pu").GetInt64());
            }

            Apply(bids, e.GetProperty("b"));
            Apply(asks, e.GetProperty("a"));
            previous = e.GetProperty("u").GetInt64();
        }

        // assert: the local book equals a fresh snapshot
        var (_, fresh, _) = await _host.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
        Assert.Equal(fresh.GetProperty("lastUpdateId").GetInt64(), previous);
        Assert.Equal(Levels(fresh.GetProperty("bids")), bids);
        Assert.Equal(Levels(fresh.GetProperty("asks")), asks);
    }

    [Fact]
    public async Task Should_quote_the_same_touch_on_book_ticker_and_partial_depth()
    {
        // arrange
        await using var ws = await _host.ConnectAsync("/stream?streams=btcusdt@bookTicker/btcusdt@depth5");

        // act
        await _host.StepAsync(1);
        var book = (await ws.ReceiveAsync()).GetProperty("data");
        var depth = (await ws.ReceiveAsync()).GetProperty("data");

        // assert
        Assert.Equal(book.GetProperty("u").GetInt64(), depth.GetProperty("u").GetInt64());
        Assert.Equal(book.GetProperty("b").GetString(), depth.GetProperty("b")[0][0].GetString());
        Assert.Equal(book.GetProperty("A").GetString(), depth.GetProperty("a")[0][1].GetString());
        Assert.Equal(5, depth.GetProperty("b").GetArrayLength());
    }

    private static SortedDictionary<decimal, decimal> Levels(JsonElement levels)
    {
        var book = new SortedDictionary<decimal, decimal>();
        foreach (var level in levels.EnumerateArray())
        {
            book[Dec(level[0])] = Dec(level[1]);
        }

        return book;
    }

    private static void Apply(SortedDictionary<decimal, decimal> book, JsonElement changes)
    {
        foreach (var change in changes.EnumerateArray())
        {
            var price = Dec(change[0]);
            var quantity = Dec(change[1]);
            if (quantity == 0m)
            {
                book.Remove(price);
            }
            else
            {
                book[price] = quantity;
            }
        }
    }

    private static decimal Dec(JsonElement e) => decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture);
}
