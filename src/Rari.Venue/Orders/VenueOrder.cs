using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Venue.Accounts;

namespace Rari.Venue.Orders;

/// <summary>
/// The venue's own, mutable record of one order: what was asked, how much has filled, and where it rests. Owned by
/// the venue and never handed out; <see cref="ToSnapshot"/> gives the immutable view.
/// </summary>
internal sealed class VenueOrder
{
    public VenueOrder(
        long orderId,
        ClientOrderId clientOrderId,
        AccountSymbol owner,
        OrderSide side,
        PositionSide positionSide,
        OrderType type,
        TimeInForce timeInForce,
        decimal price,
        decimal stopPrice,
        decimal quantity,
        bool reduceOnly,
        bool closePosition,
        WorkingType workingType,
        long timeMs)
    {
        OrderId = orderId;
        ClientOrderId = clientOrderId;
        Owner = owner;
        Side = side;
        PositionSide = positionSide;
        Type = type;
        OriginalType = type;
        TimeInForce = timeInForce;
        Price = price;
        StopPrice = stopPrice;
        Quantity = quantity;
        ReduceOnly = reduceOnly;
        ClosePosition = closePosition;
        WorkingType = workingType;
        TimeMs = timeMs;
        UpdateTimeMs = timeMs;
        Status = OrderStatus.Accepted;
    }

    public long OrderId { get; }

    public ClientOrderId ClientOrderId { get; }

    /// <summary>The account and symbol the order belongs to.</summary>
    public AccountSymbol Owner { get; }

    public Symbol Symbol => Owner.Market.Symbol;

    public OrderSide Side { get; }

    public PositionSide PositionSide { get; }

    /// <summary>The current type: MARKET once a conditional order has triggered.</summary>
    public OrderType Type { get; private set; }

    public OrderType OriginalType { get; }

    public TimeInForce TimeInForce { get; }

    /// <summary>Limit price; 0 for market and conditional orders.</summary>
    public decimal Price { get; }

    /// <summary>Trigger price; 0 when none.</summary>
    public decimal StopPrice { get; }

    /// <summary>Order quantity; 0 for a closePosition order until it triggers.</summary>
    public decimal Quantity { get; private set; }

    public decimal FilledQuantity { get; private set; }

    public decimal FilledNotional { get; private set; }

    public decimal LeavesQuantity => Quantity - FilledQuantity;

    public bool ReduceOnly { get; }

    public bool ClosePosition { get; }

    public WorkingType WorkingType { get; }

    public bool IsLiquidation { get; init; }

    public long TimeMs { get; }

    public long UpdateTimeMs { get; set; }

    public OrderStatus Status { get; private set; }

    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled;

    /// <summary>A STOP_MARKET / TAKE_PROFIT_MARKET that has not triggered yet (an "algo" order for MAX_NUM_ALGO_ORDERS).</summary>
    public bool IsWaitingForTrigger => Type is OrderType.StopMarket or OrderType.TakeProfitMarket;

    /// <summary>
    /// An order that may only shrink a position: reduce-only, closePosition, or in hedge mode a SELL on LONG or a BUY
    /// on SHORT. Such orders never fill beyond the position and expire when it is gone.
    /// </summary>
    public bool IsClosing => ReduceOnly || ClosePosition || IsHedgeClosing(Side, PositionSide);

    /// <summary>True while the order rests in the symbol's book of limit orders.</summary>
    public bool IsResting { get; set; }

    /// <summary>The market-data event in which the order last used up its share of the traded volume.</summary>
    public long ExhaustedInEvent { get; set; } = -1;

    /// <summary>Whether SELL on LONG or BUY on SHORT: in hedge mode these close, whatever the flags.</summary>
    public static bool IsHedgeClosing(OrderSide side, PositionSide positionSide) =>
        (side, positionSide) is (OrderSide.Sell, PositionSide.Long) or (OrderSide.Buy, PositionSide.Short);

    /// <summary>A conditional order triggered: it becomes a MARKET order; a closePosition order takes its size now.</summary>
    public void Trigger(decimal closePositionQuantity, long timeMs)
    {
        Type = OrderType.Market;
        if (ClosePosition)
        {
            Quantity = closePositionQuantity;
        }

        UpdateTimeMs = timeMs;
    }

    public void AddFill(decimal price, decimal quantity, long timeMs)
    {
        FilledQuantity += quantity;
        FilledNotional += price * quantity;
        Status = FilledQuantity == Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        UpdateTimeMs = timeMs;
    }

    public void End(OrderStatus status, long timeMs)
    {
        Status = status;
        UpdateTimeMs = timeMs;
    }

    public OrderSnapshot ToSnapshot() => new(
        new VenueOrderId(OrderId),
        ClientOrderId,
        Symbol,
        Side,
        PositionSide,
        Type,
        OriginalType,
        TimeInForce,
        Status,
        Price,
        StopPrice,
        FilledQuantity == 0m ? 0m : FilledNotional / FilledQuantity,
        Quantity,
        FilledQuantity,
        FilledNotional,
        ReduceOnly,
        ClosePosition,
        WorkingType,
        IsLiquidation,
        TimeMs,
        UpdateTimeMs);
}
