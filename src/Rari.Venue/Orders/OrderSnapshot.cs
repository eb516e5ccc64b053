using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Venue.Orders;

/// <summary>
/// One order as the venue holds it at a moment: the data of Aster's order object (§3.3) and of the
/// <c>ORDER_TRADE_UPDATE</c> order fields (§4.5). Commands return it and every <see cref="Events.OrderUpdated"/>
/// carries it.
/// </summary>
/// <remarks>
/// <para>Status uses the Domain vocabulary: <see cref="OrderStatus.Accepted"/> is Aster's <c>NEW</c>; the others
/// (<c>PARTIALLY_FILLED</c>, <c>FILLED</c>, <c>CANCELED</c>, <c>EXPIRED</c>) map by name.</para>
/// <para>A triggered conditional order changes <see cref="Type"/> to MARKET and keeps <see cref="OriginalType"/>.
/// A <c>closePosition</c> order has <see cref="OriginalQuantity"/> 0 until it triggers and the venue fixes its size.
/// A liquidation order (<see cref="IsLiquidation"/>, client id <c>autoclose-…</c>) is a MARKET order the server
/// reports with type <c>LIQUIDATION</c>.</para>
/// </remarks>
/// <param name="OrderId">The venue's order id (<c>orderId</c>, <c>i</c>).</param>
/// <param name="ClientOrderId">The client order id (<c>clientOrderId</c>, <c>c</c>).</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BUY or SELL.</param>
/// <param name="PositionSide">BOTH, LONG or SHORT.</param>
/// <param name="Type">The current type (<c>type</c>, <c>o</c>).</param>
/// <param name="OriginalType">The type at placement (<c>origType</c>, <c>ot</c>).</param>
/// <param name="TimeInForce">Time in force (<c>timeInForce</c>, <c>f</c>); GTC for orders other than LIMIT, as Aster reports them.</param>
/// <param name="Status">The order's status after the event or command.</param>
/// <param name="Price">Limit price (<c>price</c>, <c>p</c>); 0 for market and conditional orders.</param>
/// <param name="StopPrice">Trigger price (<c>stopPrice</c>, <c>sp</c>); 0 when none.</param>
/// <param name="AveragePrice">Average fill price (<c>avgPrice</c>, <c>ap</c>); 0 before the first fill.</param>
/// <param name="OriginalQuantity">Order quantity (<c>origQty</c>, <c>q</c>).</param>
/// <param name="ExecutedQuantity">Filled quantity (<c>executedQty</c>, <c>z</c>).</param>
/// <param name="CumulativeQuote">Filled notional (<c>cumQuote</c>).</param>
/// <param name="ReduceOnly">Reduce-only (<c>reduceOnly</c>, <c>R</c>).</param>
/// <param name="ClosePosition">Close-all conditional order (<c>closePosition</c>, <c>cp</c>).</param>
/// <param name="WorkingType">Which price triggers it (<c>workingType</c>, <c>wt</c>).</param>
/// <param name="IsLiquidation">True for a liquidation order (<c>autoclose-…</c>).</param>
/// <param name="TimeMs">Creation time (<c>time</c>), UTC epoch milliseconds.</param>
/// <param name="UpdateTimeMs">Last change (<c>updateTime</c>, <c>T</c>), UTC epoch milliseconds.</param>
public sealed record OrderSnapshot(
    VenueOrderId OrderId,
    ClientOrderId ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    PositionSide PositionSide,
    OrderType Type,
    OrderType OriginalType,
    TimeInForce TimeInForce,
    OrderStatus Status,
    decimal Price,
    decimal StopPrice,
    decimal AveragePrice,
    decimal OriginalQuantity,
    decimal ExecutedQuantity,
    decimal CumulativeQuote,
    bool ReduceOnly,
    bool ClosePosition,
    WorkingType WorkingType,
    bool IsLiquidation,
    long TimeMs,
    long UpdateTimeMs)
{
    /// <summary>True while the order may still fill: NEW or PARTIALLY_FILLED.</summary>
    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled;
}
