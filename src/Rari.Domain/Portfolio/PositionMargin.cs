using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

/// <summary>
/// The margin figures of one position at its symbol's last mark price: what margin checks, liquidation and the
/// exchange's position-risk rows need, read in one call without allocating.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BOTH (one-way) or LONG / SHORT (hedge).</param>
/// <param name="Quantity">Signed quantity (negative short).</param>
/// <param name="EntryPrice">Average entry price; 0 when flat.</param>
/// <param name="CostBasis">Signed cost of the open quantity, <c>Quantity × EntryPrice</c>, exact.</param>
/// <param name="MarkPrice">The symbol's last mark price the figures are valued at.</param>
/// <param name="UnrealizedPnl">Unrealized PnL at the mark.</param>
/// <param name="Notional">Position value at the mark, always ≥ 0.</param>
/// <param name="InitialMargin">Initial margin at the mark, <c>notional / leverage</c>.</param>
/// <param name="MaintenanceMargin">Maintenance margin at the mark, from the symbol's bracket table (0 when flat).</param>
/// <param name="Leverage">The position's leverage.</param>
/// <param name="MarginType">Cross or isolated.</param>
/// <param name="IsolatedWallet">The isolated wallet (0 for a cross position).</param>
/// <param name="RealizedPnl">Cumulative PnL realized by the position's fills (before fees), USDT.</param>
public readonly record struct PositionMargin(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal CostBasis,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal Notional,
    decimal InitialMargin,
    decimal MaintenanceMargin,
    int Leverage,
    MarginType MarginType,
    decimal IsolatedWallet,
    decimal RealizedPnl)
{
    /// <summary>True when the position holds a non-zero quantity.</summary>
    public bool IsOpen => Quantity != 0m;

    /// <summary>
    /// What backs an isolated position, <c>IsolatedWallet + UnrealizedPnl</c>; it is liquidated when this falls to the
    /// maintenance margin. 0 for a cross position, which draws on the account's cross margin balance instead.
    /// </summary>
    public decimal IsolatedMarginBalance => MarginType == MarginType.Isolated ? IsolatedWallet + UnrealizedPnl : 0m;
}
