using Rari.Domain.Orders;

namespace Rari.Aster.Models;

/// <summary>The order object every order endpoint returns (fact sheet §3.3).</summary>
public sealed record AsterOrder
{
    /// <summary>The venue's order id.</summary>
    public long OrderId { get; init; }

    /// <summary>Our client order id.</summary>
    public string ClientOrderId { get; init; } = string.Empty;

    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Status.</summary>
    public WireValue<AsterOrderStatus> Status { get; init; }

    /// <summary>BUY or SELL.</summary>
    public WireValue<OrderSide> Side { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    public WireValue<PositionSide> PositionSide { get; init; }

    /// <summary>The current type (a triggered stop shows its market or limit type).</summary>
    public WireValue<AsterOrderType> Type { get; init; }

    /// <summary>The type at placement.</summary>
    public WireValue<AsterOrderType> OrigType { get; init; }

    /// <summary>Limit price (0 for market orders).</summary>
    public decimal Price { get; init; }

    /// <summary>Average fill price.</summary>
    public decimal AvgPrice { get; init; }

    /// <summary>Ordered quantity.</summary>
    public decimal OrigQty { get; init; }

    /// <summary>Filled quantity.</summary>
    public decimal ExecutedQty { get; init; }

    /// <summary>Filled quantity (same as <see cref="ExecutedQty"/>).</summary>
    public decimal CumQty { get; init; }

    /// <summary>Filled notional in the quote asset.</summary>
    public decimal CumQuote { get; init; }

    /// <summary>Time in force.</summary>
    public WireValue<AsterTimeInForce> TimeInForce { get; init; }

    /// <summary>Whether the order may only reduce the position.</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>Whether the order closes the whole position when triggered.</summary>
    public bool ClosePosition { get; init; }

    /// <summary>Trigger price of conditional orders.</summary>
    public decimal StopPrice { get; init; }

    /// <summary>Activation price of a trailing stop.</summary>
    public decimal ActivatePrice { get; init; }

    /// <summary>Callback rate of a trailing stop, in percent.</summary>
    public decimal PriceRate { get; init; }

    /// <summary>Which price triggers the order.</summary>
    public WireValue<AsterWorkingType> WorkingType { get; init; }

    /// <summary>Whether trigger protection is on.</summary>
    public bool PriceProtect { get; init; }

    /// <summary>Last update, UTC epoch ms.</summary>
    public long UpdateTime { get; init; }

    /// <summary>Creation time, UTC epoch ms (query and list responses).</summary>
    public long Time { get; init; }

    /// <summary>
    /// The status in the order model's vocabulary: NEW is Accepted; the liquidation statuses count as Accepted too
    /// (the order is live at the venue); null for a status the client does not know.
    /// </summary>
    public OrderStatus? DomainStatus => Status.IsKnown
        ? Status.Value switch
        {
            AsterOrderStatus.New or AsterOrderStatus.NewInsurance or AsterOrderStatus.NewAdl => OrderStatus.Accepted,
            AsterOrderStatus.PartiallyFilled => OrderStatus.PartiallyFilled,
            AsterOrderStatus.Filled => OrderStatus.Filled,
            AsterOrderStatus.Canceled => OrderStatus.Canceled,
            AsterOrderStatus.Rejected => OrderStatus.Rejected,
            AsterOrderStatus.Expired => OrderStatus.Expired,
            _ => null,
        }
        : null;
}
