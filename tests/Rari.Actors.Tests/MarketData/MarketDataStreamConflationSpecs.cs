using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Xunit.Abstractions;
using static Rari.Actors.Tests.MarketData.SimVenue;

namespace Rari.Actors.Tests.MarketData;

/// <summary>The market-data stream's conflation of tickers for a slow consumer, and its local order books.</summary>
public sealed class MarketDataStreamConflationSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = INFO", output)
{
    private const long Minute = 60_000;

    [Fact]
    public async Task Should_conflate_book_tickers_and_mark_prices_for_a_slow_consumer_while_every_kline_arrives()
    {
        // arrange: the symbol takes a ticker and a mark price at most once a second; sixty minutes arrive at once
        await using var sim = await StartAsync();
        var symbols = CreateTestProbe();
        var stream = Start(sim, symbols, FastSettings() with { ConflationInterval = TimeSpan.FromSeconds(1) });
        await SubscribeAsync(stream, Btc);

        // act
        await sim.StepAsync(60);
        var latest = (await sim.RestClient().GetBookTickersAsync(Btc)).Single().LastUpdateId;
        var received = await symbols.ReceiveUntilAsync(r => r.KlineOpens(Btc).Count == 60
            && r.OfType<BookTickerChanged>().Any(t => t.Ticker.UpdateId == latest)
            && r.OfType<MarkPriceChanged>().Any(m => m.Update.TimeMs >= FirstOpenMs + (60 * Minute) - 1));

        // assert: every kline, in order; the tickers thinned out, in order, ending with the latest
        Assert.Equal(Enumerable.Range(0, 60).Select(i => FirstOpenMs + (i * Minute)), received.KlineOpens(Btc));
        var tickers = received.OfType<BookTickerChanged>().Select(t => t.Ticker.UpdateId).ToList();
        var marks = received.OfType<MarkPriceChanged>().Select(m => m.Update.TimeMs).ToList();
        Assert.InRange(tickers.Count, 1, 59);
        Assert.InRange(marks.Count, 1, 59);
        Assert.Equal(tickers.Order(), tickers);
        Assert.Equal(marks.Order(), marks);
        Assert.Equal(latest, tickers[^1]);
    }

    [Fact]
    public async Task Should_keep_a_local_order_book_in_step_with_the_venue_and_send_its_top_levels()
    {
        // arrange
        await using var sim = await StartAsync();
        var rest = sim.RestClient();
        var symbols = CreateTestProbe();
        var settings = FastSettings() with { OrderBooks = true, OrderBookLevels = 5 };
        var stream = Sys.ActorOf(MarketDataStream.Props(settings, sim.StreamOptions(), symbols, TimeProvider.System, rest));
        await SubscribeAsync(stream, Eth);

        // act: the book syncs from a snapshot after its first diff, and is sent after each diff from then on
        var (book, venue) = await StepUntilBookAsync(sim, symbols, Eth);

        // assert
        Assert.Equal(5, book.Bids.Count);
        Assert.Equal(5, book.Asks.Count);
        Assert.True(book.Bids[0].Price < book.Asks[0].Price);
        Assert.Equal(venue.Bids, book.Bids);
        Assert.Equal(venue.Asks, book.Asks);
    }

    [Fact]
    public async Task Should_resync_its_books_after_a_gap()
    {
        // arrange
        await using var sim = await StartAsync();
        var rest = sim.RestClient();
        var symbols = CreateTestProbe();
        var settings = FastSettings() with { OrderBooks = true, OrderBookLevels = 3 };
        var stream = Sys.ActorOf(MarketDataStream.Props(settings, sim.StreamOptions(), symbols, TimeProvider.System, rest));
        await SubscribeAsync(stream, Sol);
        var (before, _) = await StepUntilBookAsync(sim, symbols, Sol);

        // act: minutes pass while nothing is delivered, then the connection drops
        await sim.StallStreamsAsync();
        await sim.StepAsync(3);
        await sim.DropStreamsAsync();
        await AwaitAssertAsync(async () => Assert.Equal(2, (await stream.StatusAsync()).Connections), ProbeReading.Patience);
        var (after, venue) = await StepUntilBookAsync(sim, symbols, Sol);

        // assert
        Assert.True(after.LastUpdateId >= before.LastUpdateId + 4, $"book at {after.LastUpdateId}, was at {before.LastUpdateId}");
        Assert.Equal(venue.Bids.Take(3), after.Bids);
        Assert.Equal(venue.Asks.Take(3), after.Asks);
    }

    /// <summary>Steps minute by minute until the symbol is sent a book matching the venue's at that minute.</summary>
    private static async Task<(OrderBookChanged Book, Rari.Aster.Models.AsterDepth Venue)> StepUntilBookAsync(SimVenue sim, TestProbe symbols, Symbol symbol)
    {
        var rest = sim.RestClient();
        for (var minute = 0; minute < 30; minute++)
        {
            await sim.StepAsync();
            var venue = await rest.GetDepthAsync(symbol, 5);
            var received = await symbols.TryReceiveUntilAsync(
                r => r.OfType<OrderBookChanged>().Any(b => b.Symbol == symbol && b.LastUpdateId == venue.LastUpdateId), TimeSpan.FromSeconds(2));
            if (received?.OfType<OrderBookChanged>().Last() is { } book)
            {
                return (book, venue);
            }
        }

        Assert.Fail($"{symbol}: no book matching the venue's after 30 minutes");
        return default;
    }

    private IActorRef Start(SimVenue sim, TestProbe symbols, MarketDataSettings settings) =>
        Sys.ActorOf(MarketDataStream.Props(settings, sim.StreamOptions(), symbols, TimeProvider.System, sim.RestClient()));

    private async Task<SymbolsSubscribed> SubscribeAsync(IActorRef stream, params Symbol[] symbols)
    {
        stream.Tell(new SubscribeSymbols(symbols), TestActor);
        return await ExpectMsgAsync<SymbolsSubscribed>(ProbeReading.Patience);
    }
}
