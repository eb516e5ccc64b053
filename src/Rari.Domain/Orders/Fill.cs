using Rari.Domain.Identifiers;

namespace Rari.Domain.Orders;

/// <summary>Whether a fill added liquidity to the book (maker) or took it (taker); decides the fee rate.</summary>
public enum LiquiditySide : byte
{
    /// <summary>The order was resting in the book when it filled.</summary>
    Maker = 1,

    /// <summary>The order crossed the book on arrival.</summary>
    Taker = 2,
}

/// <summary>
/// One execution of one order, as the exchange reports it (Aster's <c>ORDER_TRADE_UPDATE</c> with
/// <c>x=TRADE</c>, or a <c>userTrades</c> row). Positions, PnL and fees are all computed from fills.
/// </summary>
/// <param name="Symbol">The traded symbol.</param>
/// <param name="ClientOrderId">Our id of the order that filled.</param>
/// <param name="VenueOrderId">The exchange's id of that order.</param>
/// <param name="TradeId">The exchange's id of this execution; a repeated trade id is a duplicate report.</param>
/// <param name="Side">The order's side.</param>
/// <param name="PositionSide">The position the fill belongs to (<see cref="PositionSide.Both"/> in one-way mode).</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed quantity in base units, always positive.</param>
/// <param name="Fee">Commission charged, in the quote asset (USDT); positive means paid, negative a rebate.</param>
/// <param name="Liquidity">Maker or taker.</param>
/// <param name="TimestampMs">Execution time, UTC epoch milliseconds.</param>
public sealed record Fill(
    Symbol Symbol,
    ClientOrderId ClientOrderId,
    VenueOrderId VenueOrderId,
    TradeId TradeId,
    OrderSide Side,
    PositionSide PositionSide,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    LiquiditySide Liquidity,
    long TimestampMs)
{
    /// <summary>Price × quantity, in the quote asset.</summary>
    public decimal Notional => Price * Quantity;
}
