using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Supervision;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.MarketData;

// The graph: source → protocol messages → per-symbol conflation → this actor in batches, with one acknowledgement each.
public sealed partial class MarketDataStream
{
    /// <summary>
    /// The most elements handed to the actor at once: everything that may go when the actor acknowledged the previous
    /// batch, up to this. One acknowledgement round trip per batch instead of per element is what lets one actor carry
    /// a node's symbols; the bound keeps a batch's handling short (the staleness timer and subscriptions wait behind it).
    /// </summary>
    public const int MaxBatch = 256;

    /// <summary>How many kept elements (klines, depth diffs, connection events) may wait before the socket is back-pressured.</summary>
    private const int KeptCapacity = 4096;

    /// <summary>Which conflated feed of a symbol an element belongs to.</summary>
    private enum FeedKind
    {
        BookTicker = 1,
        MarkPrice = 2,
        Seen = 3,
    }

    private MarketSourceControl RunGraph()
    {
        var time = _time;

        // A mapping that throws drops its element and goes on (Resume); the client has already skipped malformed text.
        var toProtocol = Flow.Create<MarketStreamEvent>()
            .Collect(IsWanted, e => ToProtocol(e, time))
            .WithAttributes(ActorAttributes.CreateSupervisionStrategy(Deciders.ResumingDecider));
        return AsterMarketSource.Create(_streamFactory, [], _settings.RestartSettings(), _log)
            .Via(toProtocol)
            .Via(SymbolConflation.CreateBatched<object, FeedKey>(KeyOf, _settings.ConflationInterval, KeptCapacity, MaxBatch, time))
            .Select(batch => new MarketDataBatch(batch))
            .ToMaterialized(
                Sink.ActorRefWithAck<MarketDataBatch>(Self, StreamInit.Instance, StreamAck.Instance, StreamCompleted.Instance, e => new StreamFailed(e))

                    // The sink holds one batch besides the one the actor handles (its default is 16): what waits longer
                    // waits in the conflation stage, where a newer ticker still replaces an older one.
                    .WithAttributes(Attributes.CreateInputBuffer(1, 1)),
                Keep.Left)
            .Run(Context.Materializer());
    }

    /// <summary>
    /// Whether an event is passed on: market data this actor subscribes and the connection's changes, not the client's
    /// own silence reports (the per-symbol watchdog replaces them).
    /// </summary>
    private static bool IsWanted(MarketStreamEvent streamEvent) => streamEvent is MarketData<KlineUpdate> or MarketData<BookTicker>
        or MarketData<MarkPriceUpdate> or MarketData<DepthUpdate> or StreamConnected or StreamDisconnected or SubscriptionDropped;

    /// <summary>The message a wanted event becomes; an unclosed kline update only proves the symbol is alive.</summary>
    private static object ToProtocol(MarketStreamEvent streamEvent, TimeProvider time) => streamEvent switch
    {
        MarketData<KlineUpdate> { Data: { IsClosed: true } k } when k.Interval == KlineInterval.OneMinute =>
            new KlineClosed(k.Symbol, k.Kline, time.GetUtcNow().ToUnixTimeMilliseconds()),
        MarketData<KlineUpdate> k => new FeedSeen(k.Data.Symbol),
        MarketData<BookTicker> ticker => new BookTickerChanged(ticker.Data),
        MarketData<MarkPriceUpdate> mark => new MarkPriceChanged(mark.Data),
        MarketData<DepthUpdate> depth => depth,
        _ => streamEvent,
    };

    private static FeedKey? KeyOf(object element) => element switch
    {
        BookTickerChanged ticker => new FeedKey(ticker.Symbol, FeedKind.BookTicker),
        MarkPriceChanged mark => new FeedKey(mark.Symbol, FeedKind.MarkPrice),
        FeedSeen seen => new FeedKey(seen.Symbol, FeedKind.Seen),
        _ => null,
    };

    /// <summary>A symbol's feed delivered something that is not passed on (an unclosed kline update).</summary>
    private sealed record FeedSeen(Symbol Symbol);

    private readonly record struct FeedKey(Symbol Symbol, FeedKind Kind);
}
