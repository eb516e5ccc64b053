using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Xunit.Abstractions;
using static Rari.Actors.Tests.MarketData.SimVenue;

namespace Rari.Actors.Tests.MarketData;

/// <summary>The market-data stream against the simulator: routing, run-time subscriptions and refusals.</summary>
public sealed class MarketDataStreamSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = INFO", output)
{
    private const long Minute = 60_000;

    [Fact]
    public async Task Should_route_the_replays_closed_klines_to_the_symbols_in_order_without_duplicates()
    {
        // arrange
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        var subscribed = await SubscribeAsync(stream, Btc, Eth);

        // act
        await sim.StepAsync(5);
        var received = await symbols.ReceiveUntilAsync(r => r.Klines().Count() == 10
            && r.OfType<BookTickerChanged>().Any(t => t.Symbol == Eth) && r.OfType<MarkPriceChanged>().Any(m => m.Symbol == Eth));
        await sim.StepAsync();
        var next = await symbols.ReceiveUntilAsync(r => r.Klines().Any(k => k.Symbol == Btc));

        // assert
        Assert.Equal([Btc, Eth], subscribed.Subscribed);
        Assert.Empty(subscribed.Refused);
        var rest = sim.RestClient();
        foreach (var symbol in new[] { Btc, Eth })
        {
            var venue = (await rest.GetKlinesAsync(symbol, KlineInterval.OneMinute, FirstOpenMs, limit: 5)).Select(k => k.ToKline());
            Assert.Equal(venue, received.Klines().Where(k => k.Symbol == symbol).Select(k => k.Kline));
        }

        Assert.Equal([FirstOpenMs + (5 * Minute)], next.KlineOpens(Btc)); // <-- the sixth bar, nothing repeated
        Assert.All(received.Klines(), k => Assert.True(k.ReceivedAtMs > 0));
    }

    [Fact]
    public async Task Should_start_and_stop_carrying_symbols_at_run_time()
    {
        // arrange
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        await SubscribeAsync(stream, Btc);
        await sim.StepAsync();
        var first = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1);

        // act: add ETH (BTC again is idempotent), then drop BTC once everything of minute 1 reached it
        var both = await SubscribeAsync(stream, Btc, Eth);
        await sim.StepAsync();
        var second = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1 && r.KlineOpens(Eth).Count == 1
            && r.OfType<BookTickerChanged>().Any(t => t.Symbol == Btc && t.Ticker.TimeMs >= FirstOpenMs + (2 * Minute) - 1)
            && r.OfType<MarkPriceChanged>().Any(m => m.Symbol == Btc && m.Update.TimeMs >= FirstOpenMs + (2 * Minute) - 1));
        stream.Tell(new UnsubscribeSymbols([Btc]), TestActor);
        var unsubscribed = await ExpectMsgAsync<SymbolsUnsubscribed>(ProbeReading.Patience);
        await sim.StepAsync(2);
        var after = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Eth).Contains(FirstOpenMs + (3 * Minute)));
        var status = await stream.StatusAsync();

        // assert
        Assert.Equal([FirstOpenMs], first.KlineOpens(Btc));
        Assert.Equal([Btc, Eth], both.Subscribed);
        Assert.Equal([FirstOpenMs + Minute], second.KlineOpens(Eth));
        Assert.Equal([Btc], unsubscribed.Symbols);
        Assert.DoesNotContain(after, m => m is IWithSymbol s && s.Symbol == Btc);
        Assert.Equal([FirstOpenMs + (2 * Minute), FirstOpenMs + (3 * Minute)], after.KlineOpens(Eth));
        Assert.Equal([Eth], status.Symbols.Keys);
    }

    [Fact]
    public async Task Should_report_a_symbol_the_venue_refuses_and_carry_the_others()
    {
        // arrange
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        var xrp = new Symbol("XRPUSDT");

        // act
        var subscribed = await SubscribeAsync(stream, Btc, xrp);
        await sim.StepAsync();
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 1);
        var status = await stream.StatusAsync();

        // assert
        Assert.Equal([Btc], subscribed.Subscribed);
        Assert.Contains("unknown stream name", subscribed.Refused[xrp], StringComparison.Ordinal);
        Assert.Equal([FirstOpenMs], received.KlineOpens(Btc));
        Assert.Equal([Btc], status.Symbols.Keys);
    }

    [Fact]
    public async Task Should_report_its_connection_and_each_symbols_feed()
    {
        // arrange
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        await SubscribeAsync(stream, Sol);

        // act
        await sim.StepAsync(3);
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Sol).Count == 3);
        var status = await stream.StatusAsync();

        // assert
        Assert.True(status.Connected);
        Assert.Equal(1, status.Connections);
        var feed = status.Symbols[Sol];
        Assert.False(feed.IsStale);
        Assert.True(feed.LastEventAtMs > 0);
        Assert.True(feed.Events >= received.Count, $"{feed.Events} events counted, {received.Count} received");
    }

    [Fact]
    public async Task Should_handle_a_batch_in_order_drop_its_repeats_and_acknowledge_it_once()
    {
        // arrange: a live stream carrying BTC and ETH; a batch handed to the actor as its graph hands them
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        await SubscribeAsync(stream, Btc, Eth);
        var sink = CreateTestProbe();
        var bars = Enumerable.Range(0, 3).Select(i => new Kline(FirstOpenMs + (i * Minute), 100m, 101m, 99m, 100.5m, 10m)).ToList();
        object[] events =
        [
            new KlineClosed(Btc, bars[0], 1), new KlineClosed(Eth, bars[0], 1), new KlineClosed(Btc, bars[1], 1),
            new KlineClosed(Btc, bars[1], 1), new KlineClosed(Btc, bars[0], 1), new KlineClosed(Btc, bars[2], 1),
        ];

        // act
        stream.Tell(new MarketDataBatch(events), sink);
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 3 && r.KlineOpens(Eth).Count == 1);

        // assert: every new bar of each symbol in the batch's order, the repeats dropped; one acknowledgement
        Assert.Equal(bars.Select(b => b.OpenTimeMs), received.KlineOpens(Btc));
        Assert.Equal([bars[0].OpenTimeMs], received.KlineOpens(Eth));
        await sink.ExpectMsgAsync<object>(ProbeReading.Patience);
        await sink.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        await symbols.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Should_tell_a_symbol_its_klines_of_one_batch_as_one_message_never_past_its_other_events()
    {
        // arrange: BTC's klines on both sides of a BTC mark, one ETH kline among them
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols);
        await SubscribeAsync(stream, Btc, Eth);
        var bars = Enumerable.Range(0, 4).Select(i => new Kline(FirstOpenMs + (i * Minute), 100m, 101m, 99m, 100.5m, 10m)).ToList();
        var mark = new MarkPriceChanged(new(Btc, 100.4m, 100.3m, 0m, 0.0001m, FirstOpenMs + 3_600_000, FirstOpenMs + (2 * Minute)));
        object[] events =
        [
            new KlineClosed(Btc, bars[0], 1), new KlineClosed(Eth, bars[0], 1), new KlineClosed(Btc, bars[1], 1), mark,
            new KlineClosed(Btc, bars[2], 1), new KlineClosed(Btc, bars[3], 1),
        ];

        // act
        stream.Tell(new MarketDataBatch(events), CreateTestProbe());
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 4 && r.KlineOpens(Eth).Count == 1);

        // assert: BTC's first two bars as one message before its mark, the last two as one after; ETH's bar alone
        var btc = received.Where(m => m is IWithSymbol { Symbol: var symbol } && symbol == Btc).ToList();
        Assert.Equal(3, btc.Count);
        Assert.Equal([bars[0].OpenTimeMs, bars[1].OpenTimeMs], Assert.IsType<KlinesClosed>(btc[0]).Klines.Select(k => k.Kline.OpenTimeMs));
        Assert.Same(mark, btc[1]);
        Assert.Equal([bars[2].OpenTimeMs, bars[3].OpenTimeMs], Assert.IsType<KlinesClosed>(btc[2]).Klines.Select(k => k.Kline.OpenTimeMs));
        Assert.Equal(bars[0].OpenTimeMs, Assert.IsType<KlineClosed>(Assert.Single(received, m => m is IWithSymbol { Symbol: var symbol } && symbol == Eth)).Kline.OpenTimeMs);
    }

    private IActorRef Start(SimVenue sim, TestProbe symbols, MarketDataSettings? settings = null) =>
        Sys.ActorOf(MarketDataStream.Props(settings ?? FastSettings(), sim.StreamOptions(), symbols, TimeProvider.System, sim.RestClient()));

    private async Task<SymbolsSubscribed> SubscribeAsync(IActorRef stream, params Symbol[] symbols)
    {
        stream.Tell(new SubscribeSymbols(symbols), TestActor);
        return await ExpectMsgAsync<SymbolsSubscribed>(ProbeReading.Patience);
    }
}
