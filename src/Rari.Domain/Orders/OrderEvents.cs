using Rari.Domain.Identifiers;

namespace Rari.Domain.Orders;

/// <summary>
/// A fact in the life of one order, journaled and folded into <see cref="Order"/> by <see cref="Order.Apply"/>.
/// </summary>
/// <remarks>
/// The venue delivers its updates duplicated and out of order (REST answers race the user stream), so an
/// event may arrive that the order has already seen or outgrown; <see cref="Order.Apply"/> decides.
/// </remarks>
public interface IOrderEvent : IWithSymbol
{
    /// <summary>Our id of the order the event belongs to.</summary>
    ClientOrderId ClientOrderId { get; }

    /// <summary>When it happened (venue time for venue reports), UTC epoch milliseconds.</summary>
    long TimestampMs { get; }

    /// <summary>Which event this is; the column of the order state table.</summary>
    OrderEventKind Kind { get; }
}

/// <summary>A strategy asked for an order; the order now exists on our side. Always the first event of an order.</summary>
/// <param name="Intent">What was asked for.</param>
/// <param name="TimestampMs">When the strategy decided, UTC epoch milliseconds.</param>
public sealed record OrderInitialized(OrderIntent Intent, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public Symbol Symbol => Intent.Symbol;

    /// <inheritdoc />
    public ClientOrderId ClientOrderId => Intent.ClientOrderId;

    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Initialized;
}

/// <summary>Our own risk gate refused the order before it was sent; the venue never saw it.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="Reason">Which rule refused it and why, for the operator.</param>
/// <param name="TimestampMs">When the gate decided, UTC epoch milliseconds.</param>
public sealed record OrderDenied(Symbol Symbol, ClientOrderId ClientOrderId, string Reason, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Denied;
}

/// <summary>The gateway is sending the order to the venue; journaled before the request leaves.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="TimestampMs">When it was sent, UTC epoch milliseconds.</param>
public sealed record OrderSubmitted(Symbol Symbol, ClientOrderId ClientOrderId, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Submitted;
}

/// <summary>The venue acknowledged the order (REST answer or user-stream <c>x=NEW</c>) and gave it its own id.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="VenueOrderId">The venue's id of the order (Aster <c>orderId</c>).</param>
/// <param name="TimestampMs">Venue time of the acknowledgement, UTC epoch milliseconds.</param>
public sealed record OrderAccepted(Symbol Symbol, ClientOrderId ClientOrderId, VenueOrderId VenueOrderId, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Accepted;
}

/// <summary>The venue refused the new order (an error answer to the submission); nothing was created there.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="Code">The venue's error code, for example -2019 (margin is insufficient).</param>
/// <param name="Reason">The venue's error message.</param>
/// <param name="TimestampMs">When the answer arrived, UTC epoch milliseconds.</param>
public sealed record OrderRejected(Symbol Symbol, ClientOrderId ClientOrderId, int Code, string Reason, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Rejected;
}

/// <summary>The gateway is asking the venue to cancel the order; journaled before the request leaves.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="TimestampMs">When the cancel was sent, UTC epoch milliseconds.</param>
public sealed record OrderPendingCancel(Symbol Symbol, ClientOrderId ClientOrderId, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.PendingCancel;
}

/// <summary>The venue refused our cancel request, typically because the order already filled or ended (-2011 Unknown order).</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="Code">The venue's error code, for example -2011.</param>
/// <param name="Reason">The venue's error message.</param>
/// <param name="TimestampMs">When the answer arrived, UTC epoch milliseconds.</param>
public sealed record OrderCancelRejected(Symbol Symbol, ClientOrderId ClientOrderId, int Code, string Reason, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.CancelRejected;
}

/// <summary>
/// The order executed some quantity (user-stream <c>x=TRADE</c> or a <c>userTrades</c> row). The fill's
/// <see cref="Fill.TradeId"/> identifies a repeated report of the same execution.
/// </summary>
/// <param name="Fill">The execution.</param>
/// <param name="OrderQuantity">
/// The order's total quantity as the venue states it with this fill, or null. Required only for a
/// <c>closePosition</c> order, whose size the venue fixes when its stop triggers (Aster's <c>o.q</c> once
/// triggered); for any other order a value different from the intent's quantity is refused.
/// </param>
public sealed record OrderFilled(Fill Fill, decimal? OrderQuantity = null) : IOrderEvent
{
    /// <inheritdoc />
    public Symbol Symbol => Fill.Symbol;

    /// <inheritdoc />
    public ClientOrderId ClientOrderId => Fill.ClientOrderId;

    /// <inheritdoc />
    public long TimestampMs => Fill.TimestampMs;

    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Filled;
}

/// <summary>The order was cancelled: at our request, by a cancel-all or countdown, or by the venue.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="TimestampMs">Venue time of the cancellation (or ours for an order withdrawn before sending), UTC epoch milliseconds.</param>
public sealed record OrderCanceled(Symbol Symbol, ClientOrderId ClientOrderId, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Canceled;
}

/// <summary>
/// The venue ended the order without a cancel request: an IOC or FOK remainder, a GTX order that would have
/// taken liquidity, a self-trade-prevention expiry, or a reduce-only order whose position is gone.
/// </summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="TimestampMs">Venue time of the expiry, UTC epoch milliseconds.</param>
public sealed record OrderExpired(Symbol Symbol, ClientOrderId ClientOrderId, long TimestampMs) : IOrderEvent
{
    /// <inheritdoc />
    public OrderEventKind Kind => OrderEventKind.Expired;
}
