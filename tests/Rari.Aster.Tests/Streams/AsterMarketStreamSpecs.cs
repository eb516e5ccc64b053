using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Tests.Streams;

public sealed class AsterMarketStreamSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Symbol Eth = new("ETHUSDT");

    [Fact]
    public async Task Should_subscribe_with_acknowledgement_and_deliver_the_subscribed_streams()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        stream.Start();
        var connected = await stream.Events.NextAsync<MarketStreamEvent, StreamConnected>();

        // act
        await stream.SubscribeAsync([StreamNames.AggTrade(Btc), StreamNames.Kline(Btc, KlineInterval.OneMinute)]);
        var listed = await stream.ListSubscriptionsAsync();
        await sim.StepAsync();
        var events = await stream.Events.CollectAsync(items => items.OfType<MarketData<KlineUpdate>>().Any());

        // assert
        Assert.Equal(new StreamConnected(1, StreamConnectReason.Initial, connected.AtMs), connected);
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@kline_1m"], listed);
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@kline_1m"], stream.Subscriptions);
        Assert.Equal(4, events.OfType<MarketData<Trade>>().Count());
        Assert.All(events.OfType<MarketData<Trade>>(), t => Assert.Equal("btcusdt@aggTrade", t.Stream));
    }

    [Fact]
    public async Task Should_refuse_an_unknown_stream_with_the_venues_error_and_keep_the_others()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        stream.Start();
        await stream.SubscribeAsync([StreamNames.AggTrade(Btc)]);

        // act
        var refused = await Assert.ThrowsAsync<AsterStreamException>(() => stream.SubscribeAsync(["btcusdt@aggTrade", "btcusdt@nonsense"]));
        var listed = await stream.ListSubscriptionsAsync();

        // assert
        Assert.Equal(2, refused.Code);
        Assert.Equal("SUBSCRIBE", refused.Method);
        Assert.Contains("btcusdt@nonsense", refused.VenueMessage, StringComparison.Ordinal);
        Assert.Equal(["btcusdt@aggTrade"], stream.Subscriptions);
        Assert.Equal(["btcusdt@aggTrade"], listed);
    }

    [Fact]
    public async Task Should_unsubscribe_and_stop_delivering_that_stream()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        stream.Start();
        await stream.SubscribeAsync([StreamNames.MarkPrice(Btc), StreamNames.MarkPrice(Eth)]);

        // act
        await stream.UnsubscribeAsync([StreamNames.MarkPrice(Btc), "ethusdt@notSubscribed"]);
        var listed = await stream.ListSubscriptionsAsync();
        await sim.StepAsync();
        var mark = await stream.Events.NextAsync<MarketStreamEvent, MarketData<MarkPriceUpdate>>();
        var rest = await stream.Events.DrainAsync(TimeSpan.FromMilliseconds(300));

        // assert
        Assert.Equal(["ethusdt@markPrice"], listed);
        Assert.Equal(Eth, mark.Data.Symbol);
        Assert.DoesNotContain(rest, e => e is MarketData<MarkPriceUpdate>);
    }

    [Fact]
    public async Task Should_refuse_more_streams_than_a_connection_may_hold_before_sending_anything()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        await using var stream = new AsterMarketStream(sim.MarketOptions() with { MaxStreams = 3 });
        stream.Start();
        await stream.SubscribeAsync([StreamNames.AggTrade(Btc), StreamNames.AggTrade(Eth)]);

        // act
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.SubscribeAsync([StreamNames.BookTicker(Btc), StreamNames.BookTicker(Eth)]));
        var listed = await stream.ListSubscriptionsAsync();

        // assert
        Assert.Contains("allows 3", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["btcusdt@aggTrade", "ethusdt@aggTrade"], listed);
    }

    [Theory]
    [InlineData("BTCUSDT@aggTrade ")]
    [InlineData("btcusdt/aggTrade")]
    [InlineData("")]
    [InlineData("@aggTrade")]
    public async Task Should_refuse_a_malformed_stream_name(string name)
    {
        // arrange
        await using var stream = new AsterMarketStream(new MarketStreamOptions());

        // act
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => stream.SubscribeAsync([name]));

        // assert
        Assert.Contains("is not a stream name", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ask_to_be_started_before_subscribing()
    {
        // arrange
        await using var stream = new AsterMarketStream(new MarketStreamOptions());

        // act
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.SubscribeAsync([StreamNames.AggTrade(Btc)]));

        // assert
        Assert.Equal("Start the AsterMarketStream before subscribing.", refused.Message);
    }

    [Fact]
    public async Task Should_parse_every_market_payload_as_the_rest_endpoints_describe_the_same_minute()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        stream.Start();
        await stream.SubscribeAsync([
            StreamNames.AggTrade(Btc), StreamNames.Kline(Btc, KlineInterval.OneMinute), StreamNames.BookTicker(Btc), StreamNames.MarkPrice(Btc),
            StreamNames.Depth(Btc), StreamNames.PartialDepth(Btc, 5), StreamNames.Ticker(Btc), StreamNames.MiniTicker(Btc), StreamNames.AllMarkPrices,
        ]);

        // act
        await sim.StepAsync(2);
        var events = await stream.Events.CollectAsync(items => items.OfType<MarketData<MarkPriceUpdate>>().Count(m => m.Stream == "!markPrice@arr") >= 8);
        var klines = await rest.GetKlinesAsync(Btc, KlineInterval.OneMinute, limit: 2);
        var trades = await rest.GetAggregateTradesAsync(Btc, fromId: 1, limit: 8);
        var book = await rest.GetBookTickersAsync(Btc);
        var premium = await rest.GetPremiumIndexAsync(Btc);
        var ticker = (await rest.Get24HourTickersAsync(Btc)).Single();
        var depth = await rest.GetDepthAsync(Btc, 5);

        // assert
        var lastKline = events.OfType<MarketData<KlineUpdate>>().Last().Data;
        Assert.Equal(klines[^1].ToKline(), lastKline.Kline);
        Assert.True(lastKline.IsClosed);
        Assert.Equal(KlineInterval.OneMinute, lastKline.Interval);
        Assert.Equal(klines[^1].OpenTime + 59_999, lastKline.CloseTimeMs);
        Assert.Equal(trades.Select(t => t.ToTrade(Btc)), events.OfType<MarketData<Trade>>().Select(t => t.Data));
        Assert.Equal(book[0].ToBookTicker(), events.OfType<MarketData<BookTicker>>().Last().Data);
        Assert.Equal(premium.ToMarkPriceUpdate() with { TimeMs = 0 }, events.OfType<MarketData<MarkPriceUpdate>>().Last(m => m.Stream == "btcusdt@markPrice").Data with { TimeMs = 0 });
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "SUIUSDT"], events.OfType<MarketData<MarkPriceUpdate>>().Where(m => m.Stream == "!markPrice@arr").TakeLast(4).Select(m => m.Data.Symbol.Value));
        var fullTicker = events.OfType<MarketData<Ticker24Hour>>().Last().Data;
        Assert.Equal((ticker.LastPrice, ticker.OpenPrice, ticker.HighPrice, ticker.LowPrice, ticker.Volume, ticker.Count), (fullTicker.LastPrice, fullTicker.OpenPrice, fullTicker.HighPrice, fullTicker.LowPrice, fullTicker.Volume, fullTicker.TradeCount));
        Assert.Equal(ticker.LastPrice, events.OfType<MarketData<MiniTicker24Hour>>().Last().Data.ClosePrice);
        var partial = events.OfType<MarketData<DepthSnapshot>>().Last().Data;
        Assert.Equal(depth.LastUpdateId, partial.LastUpdateId);
        Assert.Equal(depth.Bids, partial.Bids);
        Assert.Equal(depth.Asks, partial.Asks);
        var diffs = events.OfType<MarketData<DepthUpdate>>().Select(d => d.Data).ToList();
        Assert.Equal([(2L, 2L, 1L), (3L, 3L, 2L)], diffs.Select(d => (d.FirstUpdateId, d.FinalUpdateId, d.PreviousFinalUpdateId)));
    }
}
