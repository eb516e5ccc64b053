using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.MarketData;

/// <summary>A 1-minute kline of <paramref name="Symbol"/> closed; routed by the market-data stream to the symbol.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Kline">The closed bar (its open time identifies it; a repeat of the same open time is a duplicate).</param>
/// <param name="ReceivedAtMs">Wall-clock time the stream received it, UTC epoch milliseconds (for latency figures).</param>
public sealed record KlineClosed(Symbol Symbol, Kline Kline, long ReceivedAtMs) : IWithSymbol, IRariMessage;

/// <summary>The best bid/ask of a symbol changed (conflated per symbol: only the latest reaches a slow consumer).</summary>
/// <param name="Ticker">The new top of book.</param>
public sealed record BookTickerChanged(BookTicker Ticker) : IWithSymbol, IRariMessage
{
    /// <inheritdoc />
    public Symbol Symbol => Ticker.Symbol;
}

/// <summary>The mark price of a symbol changed (conflated per symbol).</summary>
/// <param name="Update">The mark price, index and funding.</param>
public sealed record MarkPriceChanged(MarkPriceUpdate Update) : IWithSymbol, IRariMessage
{
    /// <inheritdoc />
    public Symbol Symbol => Update.Symbol;
}

/// <summary>
/// No market data reached <paramref name="Symbol"/> for longer than the staleness limit: the symbol stops opening
/// exposure until <see cref="MarketDataResumed"/> arrives.
/// </summary>
/// <param name="Symbol">The silent symbol.</param>
/// <param name="LastEventAtMs">Wall-clock time of the last event received, UTC epoch milliseconds (0 if none yet).</param>
/// <param name="DetectedAtMs">Wall-clock time the silence was detected.</param>
public sealed record MarketDataStale(Symbol Symbol, long LastEventAtMs, long DetectedAtMs) : IWithSymbol, IRariMessage;

/// <summary>Market data flows again for a symbol that was stale; trading on it may resume.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="SilentForMs">How long it was silent, milliseconds.</param>
public sealed record MarketDataResumed(Symbol Symbol, long SilentForMs) : IWithSymbol, IRariMessage;

/// <summary>Asks the node's market-data stream to carry <paramref name="Symbols"/> (idempotent; sent as symbols start on a node).</summary>
/// <param name="Symbols">The symbols to subscribe.</param>
public sealed record SubscribeSymbols(IReadOnlyList<Symbol> Symbols);

/// <summary>Asks the node's market-data stream to stop carrying <paramref name="Symbols"/> (a shard moved away).</summary>
/// <param name="Symbols">The symbols to unsubscribe.</param>
public sealed record UnsubscribeSymbols(IReadOnlyList<Symbol> Symbols);

/// <summary>Asks the market-data stream how it is doing; answered with <see cref="MarketDataStatus"/>.</summary>
public sealed record GetMarketDataStatus
{
    /// <summary>The one instance.</summary>
    public static GetMarketDataStatus Instance { get; } = new();
}

/// <summary>The market-data stream's health: connection, and per symbol the last event and staleness.</summary>
/// <param name="Connected">Whether the WebSocket is connected now.</param>
/// <param name="Connections">How many connections were opened since start (reconnects + 1).</param>
/// <param name="Symbols">Per subscribed symbol: last event time (wall clock, ms) and whether it is stale.</param>
public sealed record MarketDataStatus(bool Connected, int Connections, IReadOnlyDictionary<Symbol, SymbolFeedStatus> Symbols);

/// <summary>One symbol's feed health.</summary>
/// <param name="LastEventAtMs">Wall-clock time of the last event, UTC epoch milliseconds; 0 when none yet.</param>
/// <param name="Events">Events routed to the symbol since start.</param>
/// <param name="IsStale">Whether the symbol is stale now.</param>
public sealed record SymbolFeedStatus(long LastEventAtMs, long Events, bool IsStale);
