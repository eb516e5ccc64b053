using System.Globalization;
using System.Text.Json;
using Rari.Aster.Sim.Tests.Support;
using Rari.Domain.Data;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Tests.Market;

/// <summary>The public market endpoints over the bundled sample, 90 minutes into the replay.</summary>
public sealed class MarketEndpointsSpecs(MarketEndpointsSpecs.Server server) : IClassFixture<MarketEndpointsSpecs.Server>
{
    private const long SampleStart = 1_746_489_600_000;
    private const int Replayed = 90;
    private const long MarketTime = SampleStart + (Replayed * 60_000L);

    private SimHost Host => server.Host;

    private static IReadOnlyList<Kline> Btc => Server.BtcBars;

    [Fact]
    public async Task Should_serve_replayed_1m_klines_exactly_as_recorded()
    {
        // act
        var (_, body, _) = await Host.GetAsync("/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=3");

        // assert
        Assert.Equal(3, body.GetArrayLength());
        for (var i = 0; i < 3; i++)
        {
            var bar = Btc[Replayed - 3 + i];
            var k = body[i];
            Assert.Equal(bar.OpenTimeMs, k[0].GetInt64());
            Assert.Equal(bar.Open, Dec(k[1]));
            Assert.Equal(bar.High, Dec(k[2]));
            Assert.Equal(bar.Low, Dec(k[3]));
            Assert.Equal(bar.Close, Dec(k[4]));
            Assert.Equal(bar.Volume, Dec(k[5]));
            Assert.Equal(bar.OpenTimeMs + 59_999, k[6].GetInt64());
            Assert.Equal(12, k.GetArrayLength());
        }
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("15m")]
    [InlineData("1h")]
    public async Task Should_aggregate_longer_intervals_from_the_file_with_the_domain_aggregator(string text)
    {
        // arrange
        var interval = KlineInterval.Parse(text);
        var expected = KlineAggregator.Aggregate(Btc.Take(Replayed), KlineInterval.OneMinute, interval, emitUnfinishedLast: true).ToList();

        // act
        var (_, body, _) = await Host.GetAsync($"/fapi/v1/klines?symbol=BTCUSDT&interval={text}&limit=1500");

        // assert
        Assert.Equal(expected.Count, body.GetArrayLength());
        for (var i = 0; i < expected.Count; i++)
        {
            var k = body[i];
            Assert.Equal(expected[i].OpenTimeMs, k[0].GetInt64());
            Assert.Equal((expected[i].Open, expected[i].High, expected[i].Low, expected[i].Close, expected[i].Volume), (Dec(k[1]), Dec(k[2]), Dec(k[3]), Dec(k[4]), Dec(k[5])));
            Assert.Equal(interval.NextOpenTime(expected[i].OpenTimeMs) - 1, k[6].GetInt64());
        }
    }

    [Fact]
    public async Task Should_select_by_start_end_and_limit()
    {
        // act
        var (_, fromStart, _) = await Host.GetAsync($"/fapi/v1/klines?symbol=BTCUSDT&interval=1m&startTime={SampleStart + 90_000}&limit=2");
        var (_, upToEnd, _) = await Host.GetAsync($"/fapi/v1/klines?symbol=BTCUSDT&interval=1m&endTime={SampleStart + (10 * 60_000)}&limit=2");
        var (_, between, _) = await Host.GetAsync($"/fapi/v1/klines?symbol=BTCUSDT&interval=5m&startTime={SampleStart}&endTime={SampleStart + (10 * 60_000)}");
        var (_, future, _) = await Host.GetAsync($"/fapi/v1/klines?symbol=BTCUSDT&interval=1m&startTime={MarketTime}");

        // assert: bars are identified by open time; a mid-bar startTime begins with the next bar
        Assert.Equal([SampleStart + 120_000, SampleStart + 180_000], fromStart.EnumerateArray().Select(k => k[0].GetInt64()));
        Assert.Equal([SampleStart + (9 * 60_000), SampleStart + (10 * 60_000)], upToEnd.EnumerateArray().Select(k => k[0].GetInt64()));
        Assert.Equal([SampleStart, SampleStart + 300_000, SampleStart + 600_000], between.EnumerateArray().Select(k => k[0].GetInt64()));
        Assert.Equal(0, future.GetArrayLength());
    }

    [Theory]
    [InlineData("interval=2m&symbol=BTCUSDT", -1120)]
    [InlineData("interval=1m&symbol=DOGEUSDT", -1121)]
    [InlineData("interval=1m", -1102)]
    [InlineData("interval=1m&symbol=BTCUSDT&limit=1501", -1130)]
    [InlineData("interval=1m&symbol=BTCUSDT&startTime=20&endTime=10", -1023)]
    public async Task Should_refuse_bad_kline_requests(string query, int code)
    {
        // act
        var (status, body, _) = await Host.GetAsync("/fapi/v1/klines?" + query);

        // assert
        Assert.Equal(400, status);
        Assert.Equal(code, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_serve_mark_price_klines_with_price_fields_only()
    {
        // act
        var (_, body, _) = await Host.GetAsync("/fapi/v1/markPriceKlines?symbol=BTCUSDT&interval=1m&limit=1");
        var (_, index, _) = await Host.GetAsync("/fapi/v1/indexPriceKlines?pair=BTCUSDT&interval=1m&limit=1");

        // assert
        var k = body[0];
        Assert.Equal(Btc[Replayed - 1].Close, Dec(k[4]));
        Assert.Equal("0", k[5].GetString());
        Assert.Equal("0", k[7].GetString());
        Assert.Equal(k.GetRawText(), index[0].GetRawText());
    }

    [Fact]
    public async Task Should_serve_a_synthetic_book_around_the_last_price()
    {
        // act
        var (_, book, _) = await Host.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=20");

        // assert
        var last = Btc[Replayed - 1].Close;
        Assert.Equal(Replayed + 1, book.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(MarketTime, book.GetProperty("T").GetInt64());
        var bids = book.GetProperty("bids").EnumerateArray().Select(l => Dec(l[0])).ToList();
        var asks = book.GetProperty("asks").EnumerateArray().Select(l => Dec(l[0])).ToList();
        Assert.Equal(20, bids.Count);
        Assert.Equal(20, asks.Count);
        Assert.Equal(bids.OrderDescending(), bids);
        Assert.Equal(asks.Order(), asks);
        Assert.True(bids[0] <= last && last < asks[0]);
        Assert.Equal(0.1m, asks[0] - bids[0]);
        Assert.All(book.GetProperty("bids").EnumerateArray(), l => Assert.True(Dec(l[1]) >= 0.001m));
    }

    [Fact]
    public async Task Should_refuse_a_depth_limit_the_exchange_does_not_offer()
    {
        // act
        var (status, body, _) = await Host.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=7");

        // assert
        Assert.Equal(400, status);
        Assert.Equal(-4021, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_synthesise_four_trades_per_bar_that_add_up_to_its_volume_along_its_path()
    {
        // act
        var (_, trades, _) = await Host.GetAsync("/fapi/v1/trades?symbol=BTCUSDT&limit=8");

        // assert: the last two replayed bars, ids 4i+1..4i+4
        Assert.Equal(8, trades.GetArrayLength());
        for (var b = 0; b < 2; b++)
        {
            var index = Replayed - 2 + b;
            var bar = Btc[index];
            var four = Enumerable.Range(0, 4).Select(k => trades[(b * 4) + k]).ToList();
            Assert.Equal(Enumerable.Range(1, 4).Select(k => (4L * index) + k), four.Select(t => t.GetProperty("id").GetInt64()));
            Assert.Equal(bar.Volume, four.Sum(t => Dec(t.GetProperty("qty"))));
            var rising = bar.Close >= bar.Open;
            Assert.Equal(
                [bar.Open, rising ? bar.Low : bar.High, rising ? bar.High : bar.Low, bar.Close],
                four.Select(t => Dec(t.GetProperty("price"))));
            Assert.Equal([bar.OpenTimeMs, bar.OpenTimeMs + 20_000, bar.OpenTimeMs + 40_000, bar.OpenTimeMs + 59_999], four.Select(t => t.GetProperty("time").GetInt64()));
        }
    }

    [Fact]
    public async Task Should_serve_agg_trades_by_id_and_by_time()
    {
        // act
        var (_, byId, _) = await Host.GetAsync("/fapi/v1/aggTrades?symbol=BTCUSDT&fromId=41&limit=3");
        var (_, byTime, _) = await Host.GetAsync($"/fapi/v1/aggTrades?symbol=BTCUSDT&startTime={SampleStart + 60_000}&endTime={SampleStart + 120_000}");
        var (tooLong, tooLongBody, _) = await Host.GetAsync($"/fapi/v1/aggTrades?symbol=BTCUSDT&startTime={SampleStart}&endTime={SampleStart + 3_600_000}");

        // assert
        Assert.Equal([41L, 42, 43], byId.EnumerateArray().Select(t => t.GetProperty("a").GetInt64()));
        Assert.Equal(byId[0].GetProperty("a").GetInt64(), byId[0].GetProperty("f").GetInt64());
        Assert.Equal([5L, 6, 7, 8, 9], byTime.EnumerateArray().Select(t => t.GetProperty("a").GetInt64()));
        Assert.Equal(400, tooLong);
        Assert.Equal(-1127, tooLongBody.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_quote_mark_price_and_funding_from_the_replay()
    {
        // act
        var (_, one, _) = await Host.GetAsync("/fapi/v1/premiumIndex?symbol=BTCUSDT");
        var (_, all, _) = await Host.GetAsync("/fapi/v1/premiumIndex");

        // assert
        Assert.Equal(Btc[Replayed - 1].Close, Dec(one.GetProperty("markPrice")));
        Assert.Equal("0.00010000", one.GetProperty("lastFundingRate").GetString());
        Assert.Equal(SampleStart + (8 * 3_600_000), one.GetProperty("nextFundingTime").GetInt64());
        Assert.Equal(MarketTime, one.GetProperty("time").GetInt64());
        Assert.Equal(4, all.GetArrayLength());
    }

    [Fact]
    public async Task Should_list_funding_history_and_config_per_symbol()
    {
        // act
        var (_, history, _) = await Host.GetAsync($"/fapi/v1/fundingRate?symbol=SUIUSDT&startTime={SampleStart - 1}");
        var (_, info, _) = await Host.GetAsync("/fapi/v1/fundingInfo?symbol=SUIUSDT");

        // assert: SUIUSDT funds every 4 h; the replay has reached 01:30, so only the 00:00 settlement
        Assert.Equal([SampleStart], history.EnumerateArray().Select(h => h.GetProperty("fundingTime").GetInt64()));
        Assert.Equal("0.00005000", history[0].GetProperty("fundingRate").GetString());
        Assert.Equal(
            """{"symbol":"SUIUSDT","interestRate":"0.0001","time":1746495000000,"fundingIntervalHours":4,"fundingFeeCap":"0.02","fundingFeeFloor":"-0.02"}""",
            info[0].GetRawText());
    }

    [Fact]
    public async Task Should_compute_the_24h_ticker_over_the_replayed_bars()
    {
        // act
        var (_, ticker, _) = await Host.GetAsync("/fapi/v1/ticker/24hr?symbol=BTCUSDT");
        var (_, all, _) = await Host.GetAsync("/fapi/v1/ticker/24hr");

        // assert
        var window = Btc.Take(Replayed).ToList();
        Assert.Equal(window[^1].Close, Dec(ticker.GetProperty("lastPrice")));
        Assert.Equal(window[0].Open, Dec(ticker.GetProperty("openPrice")));
        Assert.Equal(window.Max(b => b.High), Dec(ticker.GetProperty("highPrice")));
        Assert.Equal(window.Min(b => b.Low), Dec(ticker.GetProperty("lowPrice")));
        Assert.Equal(window.Sum(b => b.Volume), Dec(ticker.GetProperty("volume")));
        Assert.Equal(window[^1].Close - window[0].Open, Dec(ticker.GetProperty("priceChange")));
        Assert.Equal(1, ticker.GetProperty("firstId").GetInt64());
        Assert.Equal(4L * Replayed, ticker.GetProperty("lastId").GetInt64());
        Assert.False(ticker.TryGetProperty("baseAsset", out _));
        Assert.Equal(4, all.GetArrayLength());
    }

    [Fact]
    public async Task Should_serve_price_and_book_tickers_with_the_update_id()
    {
        // act
        var (_, price, _) = await Host.GetAsync("/fapi/v1/ticker/price?symbol=ETHUSDT");
        var (_, book, _) = await Host.GetAsync("/fapi/v1/ticker/bookTicker?symbol=ETHUSDT");
        var (_, depth, _) = await Host.GetAsync("/fapi/v1/depth?symbol=ETHUSDT&limit=5");

        // assert
        Assert.Equal(MarketTime, price.GetProperty("time").GetInt64());
        Assert.Equal(depth.GetProperty("lastUpdateId").GetInt64(), book.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(depth.GetProperty("bids")[0][0].GetString(), book.GetProperty("bidPrice").GetString());
        Assert.Equal(depth.GetProperty("asks")[0][1].GetString(), book.GetProperty("askQty").GetString());
    }

    private static decimal Dec(JsonElement e) => decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    public sealed class Server : IAsyncLifetime
    {
        public static IReadOnlyList<Kline> BtcBars { get; } = KlineCsvReader.Read(SimHost.SampleFile("BTCUSDT")).ToList();

        internal SimHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await SimHost.StartAsync();
            await Host.StepAsync(Replayed);
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
