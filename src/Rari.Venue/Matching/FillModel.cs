namespace Rari.Venue.Matching;

/// <summary>When the market-data price path fills a resting limit order.</summary>
/// <remarks>Journaled in backtest settings: the numeric values are never renumbered.</remarks>
public enum FillModel : byte
{
    /// <summary>
    /// The price must trade beyond the limit by at least one tick (a BUY at 100.0 with tick 0.1 fills when the path
    /// reaches 99.9): the order was surely reached through the queue. The conservative default.
    /// </summary>
    TradeThrough = 1,

    /// <summary>The price only has to reach the limit (a BUY at 100.0 fills when the path reaches 100.0): optimistic.</summary>
    Touch = 2,
}
