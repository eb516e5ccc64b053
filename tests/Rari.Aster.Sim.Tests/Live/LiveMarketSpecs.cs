using System.Globalization;
using System.Text.Json;
using Rari.Aster.Models;
using Rari.Aster.Sim.Live;
using Rari.Aster.Sim.Tests.Support;
using Rari.Aster.Sim.Tests.Trading;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Sim.Tests.Live;

/// <summary>
/// A simulator in live mode follows its upstream: the upstream's rules and klines, its prices on the streams and REST,
/// paper fills where the upstream trades, and silence while the upstream is gone.
/// </summary>
public sealed class LiveMarketSpecs
{
    [Fact]
    public async Task Should_serve_the_upstreams_instruments_and_klines()
    {
        // arrange: an upstream whose BTCUSDT tick (0.5) differs from the simulator's built-in one (0.1)
        var instruments = Path.Combine(Path.GetTempPath(), $"rari-live-upstream-instruments-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(instruments, """{"symbols":[{"symbol":"BTCUSDT","tickSize":"0.5","minNotional":"7"}]}""");
        await using var host = await LiveHost.StartAsync(instruments);

        // act
        var live = await host.Client.GetExchangeInfoAsync();
        var klines = await host.Client.GetKlinesAsync(LiveHost.Btc, Domain.Market.KlineInterval.OneMinute, limit: 1000);

        // assert
        var btc = live.Symbols.Single(s => s.Symbol == "BTCUSDT");
        Assert.Equal(0.5m, btc.Filter("PRICE_FILTER")!.TickSize);
        Assert.Equal(7m, btc.Filter("MIN_NOTIONAL")!.MinNotional ?? btc.Filter("MIN_NOTIONAL")!.Notional);
        var expected = host.UpstreamBars.Skip(LiveHost.UpstreamHistoryBars - LiveHost.LiveHistoryBars).Take(LiveHost.LiveHistoryBars).ToList();
        Assert.Equal(expected.Select(b => (b.OpenTimeMs, b.Close)), klines.Select(k => (k.OpenTime, k.Close)));
    }

    [Fact]
    public async Task Should_take_the_minutes_that_closed_between_loading_the_history_and_subscribing()
    {
        // arrange + act: two upstream minutes pass after the history was loaded, before the live market subscribes
        await using var host = await LiveHost.StartAsync(betweenLoadAndStart: upstream => upstream.StepAsync(2));
        var klines = await host.Client.GetKlinesAsync(LiveHost.Btc, Domain.Market.KlineInterval.OneMinute, limit: 1000);

        // assert
        var expected = host.UpstreamBars.Skip(LiveHost.UpstreamHistoryBars - LiveHost.LiveHistoryBars).Take(LiveHost.LiveHistoryBars + 2).Select(b => b.OpenTimeMs);
        Assert.Equal(expected, klines.Select(k => k.OpenTime));
    }

    [Fact]
    public async Task Should_republish_the_upstreams_market_and_follow_its_prices()
    {
        // arrange
        await using var host = await LiveHost.StartAsync();
        await using var liveProbe = await ConnectLiveAsync(host, "btcusdt@aggTrade/btcusdt@kline_1m/btcusdt@markPrice@1s");
        var before = host.Live.Replay.MarketTimeMs;

        // act
        var bar = await host.StepUpstreamAsync();

        // assert: the trades and the closed minute arrive as the upstream published them, with its event time
        var trades = new List<decimal>();
        var closed = false;
        while (!closed)
        {
            var message = await liveProbe.ReceiveAsync(20);
            var data = message.GetProperty("data");
            switch (data.GetProperty("e").GetString())
            {
                case "aggTrade":
                    trades.Add(decimal.Parse(data.GetProperty("p").GetString()!, CultureInfo.InvariantCulture));
                    break;
                case "kline":
                    var k = data.GetProperty("k");
                    closed = k.GetProperty("x").GetBoolean();
                    Assert.Equal(bar.OpenTimeMs, k.GetProperty("t").GetInt64());
                    Assert.Equal(bar.Close, decimal.Parse(k.GetProperty("c").GetString()!, CultureInfo.InvariantCulture));
                    Assert.Equal(bar.OpenTimeMs + 60_000, data.GetProperty("E").GetInt64());
                    break;
            }
        }

        Assert.Equal([bar.Open, bar.Close >= bar.Open ? bar.Low : bar.High, bar.Close >= bar.Open ? bar.High : bar.Low, bar.Close], trades);
        Assert.Equal(bar.OpenTimeMs + 60_000, host.Live.Replay.MarketTimeMs);
        Assert.True(host.Live.Replay.MarketTimeMs > before);
        var (_, price, _) = await LiveGetAsync(host, "/fapi/v1/ticker/price?symbol=BTCUSDT");
        Assert.Equal(bar.Close, decimal.Parse(price.GetProperty("price").GetString()!, CultureInfo.InvariantCulture));
        var (_, premium, _) = await LiveGetAsync(host, "/fapi/v1/premiumIndex?symbol=BTCUSDT");
        Assert.Equal(bar.Close, decimal.Parse(premium.GetProperty("markPrice").GetString()!, CultureInfo.InvariantCulture));
        var (_, aggTrades, _) = await LiveGetAsync(host, "/fapi/v1/aggTrades?symbol=BTCUSDT");
        Assert.Equal(trades, aggTrades.EnumerateArray().Select(t => decimal.Parse(t.GetProperty("p").GetString()!, CultureInfo.InvariantCulture)));
        var (_, upstreamDepth, _) = await host.Upstream.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=5");
        var (_, liveDepth, _) = await LiveGetAsync(host, "/fapi/v1/depth?symbol=BTCUSDT&limit=5");
        Assert.Equal(upstreamDepth.GetProperty("bids").ToString(), liveDepth.GetProperty("bids").ToString());
        Assert.Equal(upstreamDepth.GetProperty("lastUpdateId").GetInt64(), liveDepth.GetProperty("lastUpdateId").GetInt64());
    }

    [Fact]
    public async Task Should_fill_a_resting_paper_order_only_when_the_upstream_trades_through_it()
    {
        // arrange: a BUY one tick above the lowest low of the next ten upstream minutes, below the current price
        await using var host = await LiveHost.StartAsync();
        var tick = host.LiveBtc.Spec.Instrument.PriceFilter.TickSize;
        var future = host.UpstreamBars.Skip(LiveHost.UpstreamHistoryBars).Take(10).ToList();
        var low = future.Min(b => b.Low);
        var reached = future.FindIndex(b => b.Low == low);
        var limit = low + tick;
        Assert.True(limit < host.LiveBtc.LastPrice, "the sample's next minutes must dip below the current price for this spec");
        Assert.True(reached > 0, "the dip must not be in the first minute for this spec");
        var placed = await host.Client.PlaceOrderAsync(Orders.LimitOrder(LiveHost.Btc, OrderSide.Buy, 0.01m, limit, "live-dip"));
        Assert.True(placed.Exists);

        // act + assert: minutes that stay above the limit leave it resting
        for (var i = 0; i < reached; i++)
        {
            await host.StepUpstreamAsync();
        }

        var resting = await host.Client.QueryOrderAsync(LiveHost.Btc, OrderReference.ByClientId(new ClientOrderId("live-dip")));
        Assert.Equal(OrderStatus.Accepted, resting.DomainStatus);

        // act + assert: the minute that trades through it fills it at the limit
        await host.StepUpstreamAsync();
        var filled = await host.Client.QueryOrderAsync(LiveHost.Btc, OrderReference.ByClientId(new ClientOrderId("live-dip")));
        Assert.Equal(OrderStatus.Filled, filled.DomainStatus);
        Assert.Equal(limit, filled.AvgPrice);
    }

    [Fact]
    public async Task Should_fill_a_market_order_against_the_upstreams_book_levels()
    {
        // arrange: minutes pass until the local book is in step with the upstream, then one more moves it
        await using var host = await LiveHost.StartAsync();
        long upstreamId, liveId;
        do
        {
            await host.StepUpstreamAsync();
            upstreamId = (await host.Upstream.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=5")).Body.GetProperty("lastUpdateId").GetInt64();
            liveId = (await LiveGetAsync(host, "/fapi/v1/depth?symbol=BTCUSDT&limit=5")).Body.GetProperty("lastUpdateId").GetInt64();
        }
        while (liveId != upstreamId);

        await host.StepUpstreamAsync();
        var asks = (await host.Upstream.GetAsync("/fapi/v1/depth?symbol=BTCUSDT&limit=5")).Body.GetProperty("asks").EnumerateArray()
            .Select(l => (Price: Number(l[0]), Quantity: Number(l[1]))).ToList();
        var step = host.LiveBtc.Spec.Instrument.LotSize.StepSize;

        // act: a BUY one step larger than the two best ask levels
        await host.Client.PlaceOrderAsync(Orders.MarketOrder(LiveHost.Btc, OrderSide.Buy, asks[0].Quantity + asks[1].Quantity + step, "live-taker"));

        // assert: it took the upstream's two best levels, then one step of its third
        var fills = await host.Client.GetUserTradesAsync(LiveHost.Btc);
        Assert.Equal([asks[0], asks[1], (asks[2].Price, step)], fills.Select(f => (f.Price, f.Qty)));
    }

    [Fact]
    public async Task Should_go_silent_while_the_upstream_is_gone_and_resume_after_it_reconnects()
    {
        // arrange
        await using var host = await LiveHost.StartAsync();
        await using var liveProbe = await ConnectLiveAsync(host, "btcusdt@aggTrade");
        await host.StepUpstreamAsync();
        await DrainAsync(liveProbe);
        var replayed = host.Upstream.Server.Replay.ReplayedMinutes;
        var timeBefore = host.Live.Replay.MarketTimeMs;
        var priceBefore = host.LiveBtc.LastPrice;

        // act: the upstream goes away
        var port = await host.StopUpstreamAsync();

        // assert: nothing is published and nothing moves while it is gone (the client keeps retrying meanwhile)
        Assert.Null(await liveProbe.TryReceiveAsync(TimeSpan.FromSeconds(3)));
        Assert.False(host.Market.IsFollowing);
        Assert.Equal(timeBefore, host.Live.Replay.MarketTimeMs);
        Assert.Equal(priceBefore, host.LiveBtc.LastPrice);

        // act: it comes back two minutes later, and trades its next minute
        await host.RestartUpstreamAsync(port, replayed + 2);
        var bar = await host.StepUpstreamAsync();

        // assert: the market resumes with the upstream's next trade; the two minutes missed are fetched for the klines
        var trade = (await liveProbe.ReceiveAsync(20)).GetProperty("data");
        Assert.Equal(bar.Open, decimal.Parse(trade.GetProperty("p").GetString()!, CultureInfo.InvariantCulture));
        Assert.True(host.Market.UpstreamConnections >= 2);
        Assert.Equal(bar.Close, host.LiveBtc.LastPrice);
        var klines = await host.Client.GetKlinesAsync(LiveHost.Btc, Domain.Market.KlineInterval.OneMinute, limit: 4);
        Assert.Equal(host.UpstreamBars.Skip(replayed - 1).Take(4).Select(b => b.OpenTimeMs), klines.Select(k => k.OpenTime));
    }

    [Fact]
    public async Task Should_refuse_a_symbol_the_upstream_does_not_list_naming_it()
    {
        // arrange
        await using var upstream = await SimHost.StartAsync(o => o with { DataFiles = [SimHost.SampleFile("BTCUSDT")], HistoryBars = 10 });
        var options = new LiveMarketOptions
        {
            RestBaseUrl = upstream.Server.BaseAddress,
            WebSocketBaseUrl = upstream.Server.StreamAddress,
            Symbols = [LiveHost.Btc, new Symbol("XRPUSDT")],
        };

        // act
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => LiveMarket.ConnectAsync(options));

        // assert
        Assert.Contains("does not list XRPUSDT in its exchangeInfo", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_step_the_clock_of_a_live_market()
    {
        // arrange
        await using var host = await LiveHost.StartAsync();
        var before = host.Live.Replay.MarketTimeMs;

        // act
        using var http = new HttpClient { BaseAddress = host.Live.BaseAddress };
        using var response = await http.PostAsync("_sim/clock/step?bars=5", null);

        // assert
        Assert.Equal(409, (int)response.StatusCode);
        Assert.Contains("follows its upstream's live market", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, host.Live.Replay.MarketTimeMs);
    }

    private static decimal Number(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);

    private static async Task<WebSocketProbe> ConnectLiveAsync(LiveHost host, string streams)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(host.Live.StreamAddress, "stream?streams=" + streams), CancellationToken.None);
        return new WebSocketProbe(socket);
    }

    private static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> LiveGetAsync(LiveHost host, string path)
    {
        using var http = new HttpClient { BaseAddress = host.Live.BaseAddress };
        var response = await http.GetAsync(path.TrimStart('/'));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private static async Task DrainAsync(WebSocketProbe probe)
    {
        while (await probe.TryReceiveAsync(TimeSpan.FromMilliseconds(500)) is not null)
        {
        }
    }
}
