using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.MarketData;

/// <summary>
/// The top of a symbol's local order book after an update, sent to the symbol when order books are kept
/// (<c>rari.market-data.order-books</c>). Only a synced book is sent: it matches the venue as of
/// <paramref name="LastUpdateId"/>.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="LastUpdateId">The venue's book update id the view reflects; larger is newer.</param>
/// <param name="EventTimeMs">Event time of the depth update that produced it, UTC epoch ms (market time).</param>
/// <param name="Bids">The best bids, best first (a copy; never changes).</param>
/// <param name="Asks">The best asks, best first (a copy; never changes).</param>
public sealed record OrderBookChanged(Symbol Symbol, long LastUpdateId, long EventTimeMs, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks)
    : IWithSymbol, IRariMessage
{
    /// <summary>Makes <paramref name="book"/> hold exactly these levels (a receiver reuses one book per symbol).</summary>
    /// <param name="book">The receiver's book of this symbol.</param>
    public void CopyTo(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        book.Clear();
        book.ApplyLevels(Bids, Asks);
    }
}

/// <summary>
/// The answer to <see cref="SubscribeSymbols"/>, once the venue acknowledged: which symbols are now carried and which the
/// venue refused (with its reason). Symbols already carried count as subscribed.
/// </summary>
/// <param name="Subscribed">The symbols carried now.</param>
/// <param name="Refused">The symbols the venue would not carry, with its answer; empty when all went through.</param>
public sealed record SymbolsSubscribed(IReadOnlyList<Symbol> Subscribed, IReadOnlyDictionary<Symbol, string> Refused);

/// <summary>The answer to <see cref="UnsubscribeSymbols"/>: nothing more is sent to these symbols.</summary>
/// <param name="Symbols">The symbols no longer carried.</param>
public sealed record SymbolsUnsubscribed(IReadOnlyList<Symbol> Symbols);

/// <summary>
/// What the market-data stream's graph hands its actor: the elements that were ready when the actor acknowledged the
/// previous batch (at most <see cref="MarketDataStream.MaxBatch"/>), in stream order — protocol messages
/// (<see cref="KlineClosed"/>, <see cref="BookTickerChanged"/>, <see cref="MarkPriceChanged"/>), depth diffs and
/// connection changes. The actor handles them in order and answers the sender with one acknowledgement.
/// </summary>
/// <param name="Events">The elements, oldest first; never changed after it is sent.</param>
public sealed record MarketDataBatch(IReadOnlyList<object> Events);

/// <summary>
/// Several closed klines of one symbol, oldest first, sent by the market-data stream as one message where a
/// <see cref="MarketDataBatch"/> held more than one for the symbol with nothing else of the symbol between them (so no
/// other event of the symbol changes place). Each kline means exactly what it would alone: the symbol supervisor and
/// the strategy actor handle them one by one, in order, as if they had come as <see cref="KlineClosed"/>; one message
/// instead of one per kline only saves the mailboxes on the way.
/// </summary>
/// <param name="Symbol">The symbol of every kline.</param>
/// <param name="Klines">The klines, oldest first, each newer than the one before; never changed after it is sent.</param>
public sealed record KlinesClosed(Symbol Symbol, IReadOnlyList<KlineClosed> Klines) : IWithSymbol, IRariMessage;
