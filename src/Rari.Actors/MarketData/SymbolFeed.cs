using Rari.Aster.Streams;
using Rari.Domain.Identifiers;

namespace Rari.Actors.MarketData;

/// <summary>One subscribed symbol as the market-data stream sees it. Touched only on the actor's thread.</summary>
internal sealed class SymbolFeed(Symbol symbol, long watchedSinceMs, LocalOrderBook? book)
{
    public Symbol Symbol { get; } = symbol;

    /// <summary>When the symbol was subscribed (the staleness reference until its first event), wall clock ms.</summary>
    public long WatchedSinceMs { get; } = watchedSinceMs;

    /// <summary>When the last event arrived, wall clock ms; 0 before the first.</summary>
    public long LastEventAtMs { get; set; }

    /// <summary>Messages told to the symbol.</summary>
    public long Events { get; set; }

    /// <summary>Whether the symbol was told its data is stale and has not heard otherwise since.</summary>
    public bool IsStale { get; set; }

    /// <summary>Whether the venue acknowledged the symbol's streams.</summary>
    public bool IsLive { get; set; }

    /// <summary>Open time of the last kline told to the symbol; older or equal ones are duplicates.</summary>
    public long LastKlineOpenMs { get; set; } = long.MinValue;

    /// <summary>The local order book, when books are kept.</summary>
    public LocalOrderBook? Book { get; } = book;

    /// <summary>The book update id last sent to the symbol.</summary>
    public long LastBookUpdateId { get; set; } = -1;

    /// <summary>Live klines held back while missed ones are fetched; null when no fill is running.</summary>
    public List<KlineClosed>? Held { get; set; }

    /// <summary>Klines of the batch being handled, not yet told (sent as one message at the end of the batch).</summary>
    public List<KlineClosed> Gathered { get; } = [];

    /// <summary>Tells a fill's answer from an older one's.</summary>
    public int FillGeneration { get; set; }

    /// <summary>The staleness reference: the last event, or the subscription when there was none.</summary>
    public long LastHeardMs => LastEventAtMs > 0 ? LastEventAtMs : WatchedSinceMs;
}
