using System.Collections.Immutable;
using Rari.Domain.Identifiers;

namespace Rari.Domain.Orders;

/// <summary>
/// The state of one order, folded from its events with <see cref="Apply"/>. Immutable: every change is a new instance.
/// </summary>
/// <remarks>
/// <para>Real exchanges deliver updates duplicated and out of order, so <see cref="Apply"/> ignores what it has
/// already seen or outgrown, and refuses what is impossible; the transitions are data in <see cref="OrderStateTable"/>.</para>
/// <para>Invariants: a terminal order never changes; <see cref="FilledQuantity"/> never decreases and never exceeds
/// <see cref="Quantity"/>; a trade id is counted at most once; the order is <see cref="OrderStatus.Filled"/> exactly
/// when <see cref="FilledQuantity"/> equals <see cref="Quantity"/>.</para>
/// </remarks>
public sealed record Order
{
    private Order(OrderIntent intent, long timestampMs)
    {
        Intent = intent;
        Status = OrderStatus.Initialized;
        Quantity = intent.Quantity;
        AppliedTradeIds = ImmutableHashSet<TradeId>.Empty;
        LastUpdateMs = timestampMs;
    }

    /// <summary>What the strategy asked for.</summary>
    public OrderIntent Intent { get; }

    /// <summary>Our id of the order.</summary>
    public ClientOrderId ClientOrderId => Intent.ClientOrderId;

    /// <summary>The order's symbol.</summary>
    public Symbol Symbol => Intent.Symbol;

    /// <summary>Where the order is in its life.</summary>
    public OrderStatus Status { get; private init; }

    /// <summary>The status the order had when the cancel was sent; set only while <see cref="OrderStatus.PendingCancel"/>.</summary>
    public OrderStatus? StatusBeforeCancel { get; private init; }

    /// <summary>
    /// The order's quantity: the intent's, or for a <c>closePosition</c> order the size the venue fixed when it
    /// triggered (null until its first fill).
    /// </summary>
    public decimal? Quantity { get; private init; }

    /// <summary>The quantity executed so far; the sum of the applied fills.</summary>
    public decimal FilledQuantity { get; private init; }

    /// <summary>The value executed so far, Σ price × quantity of the applied fills (Aster's <c>cumQuote</c>); exact.</summary>
    public decimal FilledNotional { get; private init; }

    /// <summary>Volume-weighted average fill price, <see cref="FilledNotional"/> / <see cref="FilledQuantity"/>; 0 before the first fill.</summary>
    public decimal AvgFillPrice => FilledQuantity == 0m ? 0m : FilledNotional / FilledQuantity;

    /// <summary>
    /// The quantity still working: <see cref="Quantity"/> − <see cref="FilledQuantity"/> while the order may still
    /// fill, 0 once it is terminal, null while a <c>closePosition</c> order has no quantity yet.
    /// </summary>
    public decimal? LeavesQuantity => Status.IsTerminal() ? 0m : Quantity - FilledQuantity;

    /// <summary>The venue's id of the order, once an acknowledgement or a fill has told us.</summary>
    public VenueOrderId? VenueOrderId { get; private init; }

    /// <summary>The trade ids of every applied fill; a fill whose id is here is a duplicate.</summary>
    public IReadOnlySet<TradeId> TradeIds => AppliedTradeIds;

    /// <summary>The latest timestamp among the applied events, UTC epoch milliseconds.</summary>
    public long LastUpdateMs { get; private init; }

    private ImmutableHashSet<TradeId> AppliedTradeIds { get; init; }

    /// <summary>A new order in <see cref="OrderStatus.Initialized"/>, from the event that starts every order.</summary>
    public static Order Create(OrderInitialized initialized) => new(initialized.Intent, initialized.TimestampMs);

    /// <summary>Folds one event into the order.</summary>
    /// <returns>
    /// <see cref="OrderApplyResult.Applied"/> with the new state; <see cref="OrderApplyResult.Ignored"/> for a duplicate or
    /// stale event; <see cref="OrderApplyResult.Refused"/> for an impossible one. Ignored and refused events leave the order as it was.
    /// </returns>
    public OrderApplyResult Apply(IOrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (FindGuardResult(orderEvent) is { } guarded)
        {
            return guarded;
        }

        var transition = OrderStateTable.Find(Status, orderEvent.Kind);
        return transition.Kind switch
        {
            OrderTransitionKind.MoveTo => new OrderApplyResult.Applied(MoveTo(transition.To!.Value, orderEvent)),
            OrderTransitionKind.ApplyFill => ApplyFill((OrderFilled)orderEvent),
            OrderTransitionKind.RestoreBeforeCancel => new OrderApplyResult.Applied(
                this with { Status = StatusBeforeCancel!.Value, StatusBeforeCancel = null, LastUpdateMs = Later(orderEvent) }),
            OrderTransitionKind.AcknowledgeDuringCancel => StatusBeforeCancel == OrderStatus.Submitted
                ? new OrderApplyResult.Applied(this with
                {
                    StatusBeforeCancel = OrderStatus.Accepted,
                    VenueOrderId = ((OrderAccepted)orderEvent).VenueOrderId,
                    LastUpdateMs = Later(orderEvent),
                })
                : Ignore(orderEvent, "duplicate or stale: the order was acknowledged before the cancel was sent"),
            OrderTransitionKind.RejectDuringCancel => StatusBeforeCancel == OrderStatus.Submitted
                ? new OrderApplyResult.Applied(MoveTo(OrderStatus.Rejected, orderEvent))
                : Refuse(orderEvent, "the venue rejects only new orders, never one it has acknowledged"),
            OrderTransitionKind.Ignore => Ignore(orderEvent, transition.Reason),
            OrderTransitionKind.Refuse => Refuse(orderEvent, transition.Reason),
            _ => throw new InvalidOperationException($"Unknown transition kind {transition.Kind}."),
        };
    }

    /// <inheritdoc />
    public bool Equals(Order? other) =>
        other is not null
        && Intent == other.Intent
        && Status == other.Status
        && StatusBeforeCancel == other.StatusBeforeCancel
        && Quantity == other.Quantity
        && FilledQuantity == other.FilledQuantity
        && FilledNotional == other.FilledNotional
        && VenueOrderId == other.VenueOrderId
        && LastUpdateMs == other.LastUpdateMs
        && AppliedTradeIds.SetEquals(other.AppliedTradeIds);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(ClientOrderId, Status, FilledQuantity, VenueOrderId, LastUpdateMs, AppliedTradeIds.Count);

    // Checks that do not depend on the status: the event must be about this order, and must not repeat a trade
    // or contradict the venue order id we already know.
    private OrderApplyResult? FindGuardResult(IOrderEvent orderEvent)
    {
        // The table's special rows read the concrete record, so the kind must be the record's own.
        if (KindOf(orderEvent) != orderEvent.Kind)
        {
            return Refuse(orderEvent, Text($"{orderEvent.GetType().Name} is not an order event of kind {orderEvent.Kind}"));
        }

        if (orderEvent.ClientOrderId != ClientOrderId || orderEvent.Symbol != Symbol)
        {
            return Refuse(orderEvent, Text($"the event is for order {orderEvent.ClientOrderId} on {orderEvent.Symbol}, not {ClientOrderId} on {Symbol}"));
        }

        if (orderEvent is OrderInitialized initialized && initialized.Intent != Intent)
        {
            return Refuse(orderEvent, "the order already exists with a different intent; a new intent needs a new client order id");
        }

        if (orderEvent is OrderFilled repeated && AppliedTradeIds.Contains(repeated.Fill.TradeId))
        {
            return Ignore(orderEvent, Text($"duplicate: trade {repeated.Fill.TradeId} was already applied"));
        }

        var reportedVenueId = orderEvent switch
        {
            OrderAccepted accepted => accepted.VenueOrderId,
            OrderFilled filled => filled.Fill.VenueOrderId,
            _ => (VenueOrderId?)null,
        };
        if (VenueOrderId is { } known && reportedVenueId is { } reported && reported != known)
        {
            return Refuse(orderEvent, Text($"the venue order id {reported} differs from the known {known}; reconcile"));
        }

        return null;
    }

    private static OrderEventKind? KindOf(IOrderEvent orderEvent) => orderEvent switch
    {
        OrderInitialized => OrderEventKind.Initialized,
        OrderDenied => OrderEventKind.Denied,
        OrderSubmitted => OrderEventKind.Submitted,
        OrderAccepted => OrderEventKind.Accepted,
        OrderRejected => OrderEventKind.Rejected,
        OrderPendingCancel => OrderEventKind.PendingCancel,
        OrderCancelRejected => OrderEventKind.CancelRejected,
        OrderFilled => OrderEventKind.Filled,
        OrderCanceled => OrderEventKind.Canceled,
        OrderExpired => OrderEventKind.Expired,
        _ => null,
    };

    private Order MoveTo(OrderStatus to, IOrderEvent orderEvent) => this with
    {
        Status = to,
        StatusBeforeCancel = to == OrderStatus.PendingCancel ? Status : null,
        VenueOrderId = orderEvent is OrderAccepted accepted ? accepted.VenueOrderId : VenueOrderId,
        LastUpdateMs = Later(orderEvent),
    };

    private OrderApplyResult ApplyFill(OrderFilled filled)
    {
        var fill = filled.Fill;
        if (fill.Quantity <= 0m || fill.Price <= 0m)
        {
            return Refuse(filled, Text($"trade {fill.TradeId} has quantity {fill.Quantity} at price {fill.Price}; both must be greater than 0"));
        }

        if (fill.Side != Intent.Side || fill.PositionSide != Intent.PositionSide)
        {
            return Refuse(
                filled,
                Text($"trade {fill.TradeId} is {fill.Side}/{fill.PositionSide} but the order is {Intent.Side}/{Intent.PositionSide}"));
        }

        if (FindQuantity(filled) is not { } quantity)
        {
            return Refuse(filled, QuantityError(filled));
        }

        var filledQuantity = FilledQuantity + fill.Quantity;
        if (filledQuantity > quantity)
        {
            return Refuse(
                filled,
                Text($"trade {fill.TradeId} of {fill.Quantity} would take the filled quantity to {filledQuantity}, above the order quantity {quantity}; reconcile"));
        }

        return new OrderApplyResult.Applied(this with
        {
            Status = filledQuantity == quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
            StatusBeforeCancel = null,
            Quantity = quantity,
            FilledQuantity = filledQuantity,
            FilledNotional = FilledNotional + fill.Notional,

            // A fill before the ack is how we learn the venue's id when the ack is lost.
            VenueOrderId = VenueOrderId ?? fill.VenueOrderId,
            AppliedTradeIds = AppliedTradeIds.Add(fill.TradeId),
            LastUpdateMs = Later(filled),
        });
    }

    // The quantity to fill against: ours, confirmed by the venue's if it states one; or, for a closePosition
    // order, the one the venue fixed at trigger time. Null when they disagree or nobody knows.
    private decimal? FindQuantity(OrderFilled filled) => (Quantity, filled.OrderQuantity) switch
    {
        ({ } ours, null) => ours,
        ({ } ours, { } venue) when venue == ours => ours,
        (null, { } venue) when venue > 0m => venue,
        _ => null,
    };

    private string QuantityError(OrderFilled filled) => (Quantity, filled.OrderQuantity) switch
    {
        (null, null) => "a closePosition order's fill must state the order quantity the venue fixed when it triggered",
        (null, { } venue) => Text($"the venue states the order quantity {venue}; it must be greater than 0"),
        var (ours, venue) => Text($"the venue states the order quantity {venue} but ours is {ours}; reconcile"),
    };

    // Messages print decimals the way the API does, whatever the machine's culture.
    private static string Text(FormattableString text) => FormattableString.Invariant(text);

    private long Later(IOrderEvent orderEvent) => Math.Max(LastUpdateMs, orderEvent.TimestampMs);

    private OrderApplyResult.Ignored Ignore(IOrderEvent orderEvent, string why) =>
        new(this, Describe(orderEvent, "ignored", why));

    private OrderApplyResult.Refused Refuse(IOrderEvent orderEvent, string why) =>
        new(this, Describe(orderEvent, "refused", why));

    private string Describe(IOrderEvent orderEvent, string verdict, string why) =>
        $"{orderEvent.GetType().Name} {verdict} for order {ClientOrderId} in status {Status}: {why}.";
}
