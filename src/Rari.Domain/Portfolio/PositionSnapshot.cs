using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

/// <summary>
/// An immutable copy of one <see cref="Position"/>, for persistence, read models and tests. Quantities are signed
/// (negative short) for every side, as in <see cref="Position"/>.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BOTH (one-way) or LONG / SHORT (hedge).</param>
/// <param name="Quantity">Signed quantity.</param>
/// <param name="CostBasis">Signed cost of the open quantity, <c>Quantity × EntryPrice</c>; kept instead of the entry price so a restore is exact.</param>
/// <param name="RealizedPnl">Cumulative realized PnL, USDT.</param>
/// <param name="FeesPaid">Cumulative commission paid, USDT.</param>
/// <param name="FundingPaid">Cumulative funding paid, USDT.</param>
/// <param name="Leverage">Leverage, 1–125.</param>
/// <param name="MarginType">Cross or isolated.</param>
/// <param name="IsolatedMargin">The isolated wallet, USDT (0 when cross).</param>
public sealed record PositionSnapshot(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal CostBasis,
    decimal RealizedPnl,
    decimal FeesPaid,
    decimal FundingPaid,
    int Leverage,
    MarginType MarginType,
    decimal IsolatedMargin)
{
    /// <summary>Average entry price, <c>CostBasis / Quantity</c>; 0 when flat.</summary>
    public decimal EntryPrice => Quantity == 0m ? 0m : CostBasis / Quantity;

    /// <summary>Unrealized PnL at a mark price.</summary>
    public decimal UnrealizedPnl(decimal markPrice) => (Quantity * markPrice) - CostBasis;
}
