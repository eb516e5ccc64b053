using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Analytics;

/// <summary>
/// A round trip: a position opened and closed again (in full or in part). The unit that win rate,
/// profit factor and average win/loss are measured on.
/// </summary>
/// <param name="Symbol">The traded symbol.</param>
/// <param name="Direction"><see cref="OrderSide.Buy"/> for a long round trip, <see cref="OrderSide.Sell"/> for a short one.</param>
/// <param name="Quantity">Quantity closed, in base units.</param>
/// <param name="EntryPrice">Average entry price of the closed quantity.</param>
/// <param name="ExitPrice">Average exit price.</param>
/// <param name="EntryTimeMs">When the position was opened, UTC epoch milliseconds.</param>
/// <param name="ExitTimeMs">When it was closed, UTC epoch milliseconds.</param>
/// <param name="GrossPnl">Price PnL before fees and funding, in USDT.</param>
/// <param name="Fees">Commissions paid on entry and exit, in USDT (positive = paid).</param>
/// <param name="Funding">Funding paid while open, in USDT (positive = paid, negative = received).</param>
public sealed record ClosedTrade(
    Symbol Symbol,
    OrderSide Direction,
    decimal Quantity,
    decimal EntryPrice,
    decimal ExitPrice,
    long EntryTimeMs,
    long ExitTimeMs,
    decimal GrossPnl,
    decimal Fees,
    decimal Funding)
{
    /// <summary>What the round trip earned after fees and funding.</summary>
    public decimal NetPnl => GrossPnl - Fees - Funding;

    /// <summary>How long the position was held, in milliseconds.</summary>
    public long HoldingTimeMs => ExitTimeMs - EntryTimeMs;
}
