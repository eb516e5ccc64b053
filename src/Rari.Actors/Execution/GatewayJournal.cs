using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Execution;

/// <summary>
/// The exchange gateway's own journal events. Together with the Domain's order events (journaled as they are) they
/// rebuild the gateway's orders; each is journaled <em>before</em> the gateway acts on it.
/// </summary>
public interface IGatewayEvent : IRariMessage;

/// <summary>
/// The gateway is about to send a new order to the venue; journaled before the request leaves, so a crash can never
/// forget an order that may exist, and a second request for the same client order id is never sent.
/// </summary>
/// <param name="Intent">The order as approved (quantity already resized).</param>
/// <param name="Reason">The strategy's reason, for the audit trail.</param>
/// <param name="TimestampMs">Venue time of the submission (the latest venue time seen), UTC epoch milliseconds.</param>
/// <param name="SentAtMs">
/// When the request leaves on the venue's clock (the client's estimate), UTC epoch milliseconds: the start of the
/// acceptance window after which "not found" proves the order was never placed.
/// </param>
public sealed record SubmissionStarted(OrderIntent Intent, string Reason, long TimestampMs, long SentAtMs) : IGatewayEvent;

/// <summary>
/// The gateway refused an approved order without sending it (unknown symbol, invalid shape, stash full, shutting
/// down); the order is recorded as denied so that a repeat is answered the same way.
/// </summary>
/// <param name="Intent">The refused order.</param>
/// <param name="Reason">Why.</param>
/// <param name="TimestampMs">Venue time of the refusal, UTC epoch milliseconds.</param>
public sealed record SubmissionRefused(OrderIntent Intent, string Reason, long TimestampMs) : IGatewayEvent;

/// <summary>
/// Reconciliation took an open order with our prefix that the journal did not know into the journal; the order events
/// that follow (submitted, accepted, fills) bring it to the venue's state.
/// </summary>
/// <param name="Intent">The order as the venue shows it.</param>
/// <param name="TimestampMs">When the venue created it, UTC epoch milliseconds.</param>
public sealed record OrderAdopted(OrderIntent Intent, long TimestampMs) : IGatewayEvent;

/// <summary>
/// An order the gateway never received was declared lost at its strategy's request (an order report, or a cancel of an
/// order the gateway does not know): if it arrives later it is refused, never sent.
/// </summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">The order.</param>
/// <param name="Reason">Why, for the audit trail.</param>
public sealed record OrderDeclaredLost(Symbol Symbol, ClientOrderId ClientOrderId, string Reason) : IGatewayEvent;

/// <summary>
/// The gateway's journal state at a point: the orders it keeps with the events that made them, the orders declared lost
/// it keeps, and the watermarks that stand in for the ended orders it dropped (see <see cref="GatewayState"/>).
/// </summary>
/// <remarks>
/// A snapshot written before orders were dropped has every order, oldest first, and none of the init members: they
/// default to what those orders give (no order dropped, the risk sequence and trade ids read from the orders).
/// </remarks>
/// <param name="Orders">The open orders oldest first, then the kept ended orders in the order they ended.</param>
/// <param name="Lost">The kept orders declared lost, oldest first.</param>
public sealed record GatewaySnapshot(IReadOnlyList<GatewaySnapshotOrder> Orders, IReadOnlyList<OrderDeclaredLost> Lost) : IRariMessage
{
    /// <summary>The sequence of the next order the gateway places itself; 0 in an old snapshot (then read from its orders).</summary>
    public long NextRiskSequence { get; init; }

    /// <summary>Per <c>{strategy}-{symbol tag}</c>, the highest sequence dropped: that id and older ones are never sent. Null in an old snapshot.</summary>
    public IReadOnlyDictionary<string, long>? DroppedThrough { get; init; }

    /// <summary>The highest trade id journaled per symbol, dropped orders included. Null in an old snapshot (then read from its orders).</summary>
    public IReadOnlyDictionary<Symbol, TradeId>? LastTradeIds { get; init; }
}

/// <summary>One order of a <see cref="GatewaySnapshot"/>: how it started and every event applied since, so that restoring it folds the same events.</summary>
/// <param name="Intent">The order.</param>
/// <param name="Reason">The strategy's reason.</param>
/// <param name="CreatedMs">Time of the order's first event, UTC epoch milliseconds.</param>
/// <param name="SentAtMs">When its submission left, on the venue's clock (0 for an adopted or refused order).</param>
/// <param name="Events">The order events applied after its creation, in order.</param>
public sealed record GatewaySnapshotOrder(OrderIntent Intent, string Reason, long CreatedMs, long SentAtMs, IReadOnlyList<IOrderEvent> Events) : IRariMessage;
