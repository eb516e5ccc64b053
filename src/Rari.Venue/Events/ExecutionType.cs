namespace Rari.Venue.Events;

/// <summary>What an <see cref="OrderUpdated"/> reports (Aster's <c>ORDER_TRADE_UPDATE.o.x</c>).</summary>
/// <remarks>Journaled by the backtester: the numeric values are never renumbered.</remarks>
public enum ExecutionType : byte
{
    /// <summary>The order was accepted (<c>NEW</c>).</summary>
    New = 1,

    /// <summary>The order filled some quantity (<c>TRADE</c>); the event carries the trade.</summary>
    Trade = 2,

    /// <summary>The order was cancelled: by the user, a cancel-all, the countdown or a liquidation (<c>CANCELED</c>).</summary>
    Canceled = 3,

    /// <summary>
    /// The venue ended the order: an IOC/FOK remainder, a GTX order that would take, a market remainder beyond the
    /// book or the take bound, a reduce-only order whose position is gone, a triggered stop without margin (<c>EXPIRED</c>).
    /// </summary>
    Expired = 4,

    /// <summary>A liquidation order executed (<c>CALCULATED</c>); the event carries the trade.</summary>
    Calculated = 5,
}
