using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.TestKit;

/// <summary>
/// Builders for order intents, order events and orders, with plain defaults (BTCUSDT, strategy <c>grid</c>,
/// venue order id 42) so a test states only what matters to it.
/// </summary>
public static class TestOrders
{
    /// <summary>The default symbol.</summary>
    public static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>The default strategy.</summary>
    public static readonly StrategyId Grid = new("grid");

    /// <summary>The default venue order id.</summary>
    public const long VenueId = 42;

    /// <summary>The default event time, UTC epoch milliseconds.</summary>
    public const long T0 = 1_700_000_000_000;

    /// <summary>The factory behind every default client order id.</summary>
    public static readonly ClientOrderIdFactory Ids = new();

    /// <summary>The default strategy's id for order <paramref name="sequence"/> on BTCUSDT.</summary>
    public static ClientOrderId Id(long sequence = 1) => Ids.Create(Grid, Btc, sequence);

    /// <summary>A GTC limit order (buy 1 @ 100 unless told otherwise).</summary>
    public static OrderIntent Limit(
        decimal quantity = 1m,
        decimal price = 100m,
        OrderSide side = OrderSide.Buy,
        TimeInForce timeInForce = TimeInForce.Gtc,
        long sequence = 1,
        bool reduceOnly = false,
        PositionSide positionSide = PositionSide.Both) =>
        OrderIntent.Create(Id(sequence), Grid, Btc, side, OrderType.Limit, quantity, price: price, timeInForce: timeInForce,
            reduceOnly: reduceOnly, positionSide: positionSide);

    /// <summary>A market order.</summary>
    public static OrderIntent Market(decimal quantity = 1m, OrderSide side = OrderSide.Buy, long sequence = 1) =>
        OrderIntent.Create(Id(sequence), Grid, Btc, side, OrderType.Market, quantity);

    /// <summary>A STOP_MARKET order that closes the whole position (a protective stop on a long unless told otherwise).</summary>
    public static OrderIntent ClosePositionStop(decimal stopPrice = 90m, OrderSide side = OrderSide.Sell, long sequence = 1) =>
        OrderIntent.Create(Id(sequence), Grid, Btc, side, OrderType.StopMarket, quantity: null, stopPrice: stopPrice, closePosition: true);

    /// <summary>The event that starts an order.</summary>
    public static OrderInitialized Initialized(OrderIntent intent, long timestampMs = T0) => new(intent, timestampMs);

    /// <summary>A fresh order in Initialized.</summary>
    public static Order NewOrder(OrderIntent? intent = null) => Order.Create(Initialized(intent ?? Limit()));

    /// <summary>Our risk gate denied the order.</summary>
    public static OrderDenied Denied(OrderIntent intent, string reason = "symbol is halted", long timestampMs = T0 + 1) =>
        new(intent.Symbol, intent.ClientOrderId, reason, timestampMs);

    /// <summary>The gateway sent the order.</summary>
    public static OrderSubmitted Submitted(OrderIntent intent, long timestampMs = T0 + 2) =>
        new(intent.Symbol, intent.ClientOrderId, timestampMs);

    /// <summary>The venue acknowledged the order.</summary>
    public static OrderAccepted Accepted(OrderIntent intent, long venueOrderId = VenueId, long timestampMs = T0 + 3) =>
        new(intent.Symbol, intent.ClientOrderId, new VenueOrderId(venueOrderId), timestampMs);

    /// <summary>The venue refused the order (-2019, margin is insufficient).</summary>
    public static OrderRejected Rejected(OrderIntent intent, int code = -2019, string reason = "Margin is insufficient.", long timestampMs = T0 + 3) =>
        new(intent.Symbol, intent.ClientOrderId, code, reason, timestampMs);

    /// <summary>The gateway sent a cancel.</summary>
    public static OrderPendingCancel PendingCancel(OrderIntent intent, long timestampMs = T0 + 4) =>
        new(intent.Symbol, intent.ClientOrderId, timestampMs);

    /// <summary>The venue refused the cancel (-2011, unknown order).</summary>
    public static OrderCancelRejected CancelRejected(OrderIntent intent, int code = -2011, string reason = "Unknown order sent.", long timestampMs = T0 + 5) =>
        new(intent.Symbol, intent.ClientOrderId, code, reason, timestampMs);

    /// <summary>The order was canceled.</summary>
    public static OrderCanceled Canceled(OrderIntent intent, long timestampMs = T0 + 6) =>
        new(intent.Symbol, intent.ClientOrderId, timestampMs);

    /// <summary>The order expired.</summary>
    public static OrderExpired Expired(OrderIntent intent, long timestampMs = T0 + 6) =>
        new(intent.Symbol, intent.ClientOrderId, timestampMs);

    /// <summary>A trade of the order, with the order's side and position side.</summary>
    public static OrderFilled Filled(
        OrderIntent intent,
        long tradeId,
        decimal quantity,
        decimal price,
        long venueOrderId = VenueId,
        long timestampMs = T0 + 10,
        decimal? orderQuantity = null,
        decimal fee = 0m,
        LiquiditySide liquidity = LiquiditySide.Maker) =>
        new(
            new Fill(
                intent.Symbol,
                intent.ClientOrderId,
                new VenueOrderId(venueOrderId),
                new TradeId(tradeId),
                intent.Side,
                intent.PositionSide,
                price,
                quantity,
                fee,
                liquidity,
                timestampMs),
            orderQuantity);

    /// <summary>Applies the events in turn and returns the final state, whatever each result was.</summary>
    public static Order Fold(Order order, params IOrderEvent[] events)
    {
        foreach (var orderEvent in events)
        {
            order = order.Apply(orderEvent).Order;
        }

        return order;
    }

    /// <summary>Applies the events in turn, failing unless every one is applied.</summary>
    public static Order ApplyAll(Order order, params IOrderEvent[] events)
    {
        foreach (var orderEvent in events)
        {
            order = order.Apply(orderEvent) is OrderApplyResult.Applied applied
                ? applied.Order
                : throw new InvalidOperationException($"{orderEvent.GetType().Name} was not applied to {order.Status}: {order.Apply(orderEvent)}");
        }

        return order;
    }
}
