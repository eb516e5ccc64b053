using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Streams;

/// <summary>
/// The <c>o</c> object of an <c>ORDER_TRADE_UPDATE</c>: the order after this event and, for a trade, the fill
/// (fact sheet §4.5). Enumerations keep the venue's text when it is unknown.
/// </summary>
public sealed record AsterOrderUpdate
{
    /// <summary><c>s</c>.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary><c>c</c>: the client order id (<c>autoclose-…</c> for a liquidation, <c>adl_autoclose</c> for ADL).</summary>
    public required string ClientOrderId { get; init; }

    /// <summary><c>S</c>.</summary>
    public WireValue<OrderSide> Side { get; init; }

    /// <summary><c>o</c>: the current type (a triggered stop shows MARKET or LIMIT).</summary>
    public WireValue<AsterOrderType> OrderType { get; init; }

    /// <summary><c>f</c>.</summary>
    public WireValue<AsterTimeInForce> TimeInForce { get; init; }

    /// <summary><c>q</c>: the original quantity (for a closePosition order, fixed when it triggers).</summary>
    public decimal OriginalQuantity { get; init; }

    /// <summary><c>p</c>: the original price (0 for market orders).</summary>
    public decimal OriginalPrice { get; init; }

    /// <summary><c>ap</c>: the average fill price so far.</summary>
    public decimal AveragePrice { get; init; }

    /// <summary><c>sp</c>: the stop price.</summary>
    public decimal StopPrice { get; init; }

    /// <summary><c>x</c>: what this event reports.</summary>
    public WireValue<AsterExecutionType> ExecutionType { get; init; }

    /// <summary><c>X</c>: the order's status after the event.</summary>
    public WireValue<AsterOrderStatus> Status { get; init; }

    /// <summary><c>i</c>: the venue's order id.</summary>
    public long OrderId { get; init; }

    /// <summary><c>l</c>: quantity filled by this event.</summary>
    public decimal LastFilledQuantity { get; init; }

    /// <summary><c>z</c>: quantity filled so far.</summary>
    public decimal CumulativeFilledQuantity { get; init; }

    /// <summary><c>L</c>: price of this fill.</summary>
    public decimal LastFilledPrice { get; init; }

    /// <summary><c>N</c>: the asset the commission of this fill is charged in; null when there is none.</summary>
    public string? CommissionAsset { get; init; }

    /// <summary><c>n</c>: the commission of this fill; null when there is none.</summary>
    public decimal? Commission { get; init; }

    /// <summary><c>T</c>: the order's trade time, UTC epoch ms.</summary>
    public long TradeTimeMs { get; init; }

    /// <summary><c>t</c>: the trade id, 0 when the event is not a trade.</summary>
    public long TradeId { get; init; }

    /// <summary><c>b</c>: the account's open bid notional.</summary>
    public decimal BidsNotional { get; init; }

    /// <summary><c>a</c>: the account's open ask notional.</summary>
    public decimal AsksNotional { get; init; }

    /// <summary><c>m</c>: whether this fill was on the maker side.</summary>
    public bool IsMaker { get; init; }

    /// <summary><c>R</c>.</summary>
    public bool ReduceOnly { get; init; }

    /// <summary><c>wt</c>.</summary>
    public WireValue<AsterWorkingType> WorkingType { get; init; }

    /// <summary><c>ot</c>: the type at placement.</summary>
    public WireValue<AsterOrderType> OriginalOrderType { get; init; }

    /// <summary><c>ps</c>.</summary>
    public WireValue<PositionSide> PositionSide { get; init; }

    /// <summary><c>cp</c>: a conditional order that closes the whole position.</summary>
    public bool ClosePosition { get; init; }

    /// <summary><c>AP</c>: activation price, trailing stops only.</summary>
    public decimal? ActivationPrice { get; init; }

    /// <summary><c>cr</c>: callback rate in percent, trailing stops only.</summary>
    public decimal? CallbackRate { get; init; }

    /// <summary><c>rp</c>: realized profit of this fill.</summary>
    public decimal RealizedProfit { get; init; }
}
