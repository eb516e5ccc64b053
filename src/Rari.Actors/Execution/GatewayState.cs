using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Execution;

/// <summary>
/// The gateway's journaled state: its orders by client order id (each <see cref="Order"/> folded by the Domain's state
/// machine), the orders declared lost, and the watermarks that stand in for the ended orders it no longer keeps.
/// Changed only by <see cref="Apply"/>, which the actor calls in persist callbacks and during recovery: one code path
/// for both, so a replay from zero or from any snapshot gives the state the live actor had.
/// </summary>
/// <remarks>
/// <para><b>Bounded.</b> Open orders are always kept. Of the ended ones (and of the orders declared lost) only the
/// newest <c>retainedEndedOrders</c> are kept, in the order they ended; folding the one past the limit drops the
/// oldest. The rule counts journal events only, never the clock, so every replay drops the same orders.</para>
/// <para><b>What a dropped order leaves behind.</b> Its sequence raises the "dropped through" watermark of its strategy
/// and symbol (client order ids are <c>{prefix}-{strategy}-{symbol}-{sequence}</c>, with sequences growing per strategy
/// and symbol), so <see cref="IsRetired"/> refuses it, and any older id of that strategy and symbol, forever. The highest
/// trade id journaled per symbol (<see cref="LastTradeIds"/>) and <see cref="NextRiskSequence"/> are kept apart from
/// the orders, so neither goes back when the orders that made them are dropped.</para>
/// </remarks>
public sealed partial class GatewayState
{
    private readonly Dictionary<ClientOrderId, GatewayOrder> _orders = [];
    private readonly Dictionary<ClientOrderId, GatewayOrder> _open = [];
    private readonly ClientOrderIdFactory _ids;
    private long _created;

    /// <summary>Creates an empty state.</summary>
    /// <param name="ids">Reads client order ids back (strategy, symbol, sequence).</param>
    /// <param name="retainedEndedOrders">How many ended orders, and how many orders declared lost, are kept; at least 1.</param>
    public GatewayState(ClientOrderIdFactory ids, int retainedEndedOrders)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfLessThan(retainedEndedOrders, 1);
        _ids = ids;
        _retainedEnded = retainedEndedOrders;
    }

    /// <summary>The strategy id under which the gateway places the orders that close positions.</summary>
    public static StrategyId RiskStrategy { get; } = new("risk");

    /// <summary>How many orders are kept (open and ended).</summary>
    public int Count => _orders.Count;

    /// <summary>The orders that are not terminal.</summary>
    public IEnumerable<GatewayOrder> OpenOrders => _open.Values;

    /// <summary>The client order ids declared lost and still kept.</summary>
    public IReadOnlySet<ClientOrderId> Lost => _lost.Keys.ToHashSet();

    /// <summary>The sequence of the next order the gateway places itself (to close positions).</summary>
    public long NextRiskSequence { get; private set; }

    /// <summary>Finds a kept order.</summary>
    /// <param name="id">The client order id.</param>
    /// <param name="order">The order, when kept.</param>
    public bool TryGet(ClientOrderId id, out GatewayOrder order) => _orders.TryGetValue(id, out order!);

    /// <summary>Whether <paramref name="id"/> was declared lost (and is still kept as such).</summary>
    /// <param name="id">The client order id.</param>
    public bool IsLost(ClientOrderId id) => _lost.ContainsKey(id);

    /// <summary>The declaration of a lost order, when kept.</summary>
    /// <param name="id">The client order id.</param>
    public OrderDeclaredLost? LostRecord(ClientOrderId id) => _lost.GetValueOrDefault(id);

    /// <summary>The kept orders as reconciliation sees them, oldest first.</summary>
    public IReadOnlyList<JournalOrder> JournalView()
    {
        var orders = new List<GatewayOrder>(_orders.Values);
        orders.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        return [.. orders.Select(o => new JournalOrder(o.Order, o.SentAtMs))];
    }

    /// <summary>What applying an order event would do, without doing it; null when the order is not kept.</summary>
    /// <param name="orderEvent">The event.</param>
    public OrderApplyResult? Preview(IOrderEvent orderEvent) =>
        _orders.TryGetValue(orderEvent.ClientOrderId, out var order) ? order.Order.Apply(orderEvent) : null;

    /// <summary>Folds one journal event; returns the order's apply result for an order event, null otherwise.</summary>
    /// <param name="journalEvent">A <see cref="IGatewayEvent"/> or a Domain <see cref="IOrderEvent"/>.</param>
    public OrderApplyResult? Apply(object journalEvent)
    {
        switch (journalEvent)
        {
            case SubmissionStarted started:
                Create(started.Intent, started.Reason, started.TimestampMs, started.SentAtMs, new OrderSubmitted(started.Intent.Symbol, started.Intent.ClientOrderId, started.TimestampMs));
                return null;
            case SubmissionRefused refused:
                Create(refused.Intent, refused.Reason, refused.TimestampMs, 0, new OrderDenied(refused.Intent.Symbol, refused.Intent.ClientOrderId, refused.Reason, refused.TimestampMs));
                return null;
            case OrderAdopted adopted:
                Create(adopted.Intent, "adopted at reconciliation", adopted.TimestampMs, 0, null);
                return null;
            case OrderDeclaredLost lost:
                DeclareLost(lost);
                return null;
            case IOrderEvent orderEvent:
                return ApplyOrderEvent(orderEvent);
            default:
                throw new ArgumentException($"{journalEvent.GetType().Name} is not a gateway journal event.", nameof(journalEvent));
        }
    }

    /// <summary>
    /// The state as a snapshot: the open orders (oldest first), then the kept ended orders in the order they ended, so
    /// that restoring folds them into the same retention queue; the orders declared lost, oldest first; the watermarks.
    /// </summary>
    public GatewaySnapshot ToSnapshot()
    {
        var open = new List<GatewayOrder>(_open.Values);
        open.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        return new GatewaySnapshot(
            [.. open.Concat(_endedForever).Concat(_ended).Select(o => new GatewaySnapshotOrder(o.Order.Intent, o.Reason, o.CreatedMs, o.SentAtMs, [.. o.History]))],
            [.. _lostForever.Concat(_lostInOrder)])
        {
            NextRiskSequence = NextRiskSequence,
            DroppedThrough = new Dictionary<string, long>(_droppedThrough, StringComparer.Ordinal),
            LastTradeIds = new Dictionary<Symbol, TradeId>(_lastTradeIds),
        };
    }

    /// <summary>Replaces the state with a snapshot's (one written before these watermarks existed included).</summary>
    /// <param name="snapshot">The snapshot.</param>
    public void Restore(GatewaySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _orders.Clear();
        _open.Clear();
        ClearRetention();
        _created = 0;
        NextRiskSequence = 0;
        foreach (var saved in snapshot.Orders)
        {
            Create(saved.Intent, saved.Reason, saved.CreatedMs, saved.SentAtMs, null);
            foreach (var orderEvent in saved.Events)
            {
                ApplyOrderEvent(orderEvent);
            }
        }

        foreach (var lost in snapshot.Lost)
        {
            DeclareLost(lost);
        }

        // Only now: a kept order (or declaration) may lie below its watermark (it ended after a newer one was dropped),
        // and folding it must not take it for a dropped one.
        NextRiskSequence = Math.Max(NextRiskSequence, snapshot.NextRiskSequence);
        RestoreWatermarks(snapshot);
    }

    private void Create(OrderIntent intent, string reason, long timestampMs, long sentAtMs, IOrderEvent? first)
    {
        var id = intent.ClientOrderId;
        if (_orders.ContainsKey(id) || IsRetired(id))
        {
            // The actor never journals a second start for one id, nor one for a dropped id: a repeat must not reset the order.
            return;
        }

        var order = new GatewayOrder(Order.Create(new OrderInitialized(intent, timestampMs)), reason, timestampMs, sentAtMs) { Number = ++_created };
        _orders.Add(id, order);
        _open.Add(id, order);
        if (intent.StrategyId == RiskStrategy && _ids.TryParse(id, out var parts))
        {
            NextRiskSequence = Math.Max(NextRiskSequence, parts.Sequence + 1);
        }

        if (first is not null)
        {
            ApplyOrderEvent(first);
        }
    }

    private OrderApplyResult? ApplyOrderEvent(IOrderEvent orderEvent)
    {
        if (!_orders.TryGetValue(orderEvent.ClientOrderId, out var order))
        {
            return null;
        }

        var wasOpen = !order.Order.Status.IsTerminal();
        var result = order.Order.Apply(orderEvent);
        if (result is OrderApplyResult.Applied)
        {
            order.Order = result.Order;
            order.History.Add(orderEvent);
            if (orderEvent is OrderFilled filled)
            {
                order.Fills.Add(filled.Fill);
                RaiseTradeWatermark(filled.Fill);
            }

            if (orderEvent is OrderRejected or OrderDenied or OrderCancelRejected)
            {
                order.Detail = orderEvent switch
                {
                    OrderRejected rejected => $"rejected ({rejected.Code}): {rejected.Reason}",
                    OrderDenied denied => "denied: " + denied.Reason,
                    OrderCancelRejected cancelRejected => $"cancel rejected ({cancelRejected.Code}): {cancelRejected.Reason}",
                    _ => order.Detail,
                };
            }

            if (wasOpen && order.Order.Status.IsTerminal())
            {
                _open.Remove(orderEvent.ClientOrderId);
                Ended(order);
            }
        }

        return result;
    }
}

/// <summary>One order of the gateway: its state, how it started and what happened to it.</summary>
/// <param name="order">The order's state.</param>
/// <param name="reason">The strategy's reason.</param>
/// <param name="createdMs">Time of its first event, UTC epoch milliseconds.</param>
/// <param name="sentAtMs">When its submission left, on the venue's clock (0 for an adopted or refused order).</param>
public sealed class GatewayOrder(Order order, string reason, long createdMs, long sentAtMs)
{
    /// <summary>The order's state, folded by the Domain's state machine.</summary>
    public Order Order { get; set; } = order;

    /// <summary>The strategy's reason.</summary>
    public string Reason { get; } = reason;

    /// <summary>Time of the order's first event, UTC epoch milliseconds.</summary>
    public long CreatedMs { get; } = createdMs;

    /// <summary>When its submission left, on the venue's clock (0 for an adopted or refused order).</summary>
    public long SentAtMs { get; } = sentAtMs;

    /// <summary>Its place among the orders the state created (1 for the first), for "oldest first".</summary>
    public long Number { get; init; }

    /// <summary>Every order event applied since creation, in order (what a snapshot keeps).</summary>
    public List<IOrderEvent> History { get; } = [];

    /// <summary>Every fill, oldest first.</summary>
    public List<Fill> Fills { get; } = [];

    /// <summary>The last rejection, denial or refused cancel, for reports.</summary>
    public string? Detail { get; set; }

    /// <summary>The client order id.</summary>
    public ClientOrderId ClientOrderId => Order.ClientOrderId;

    /// <summary>The symbol.</summary>
    public Symbol Symbol => Order.Symbol;

    /// <summary>The order as a report.</summary>
    public OrderStatusReport Report() => new(ClientOrderId, Order.Status, Order.VenueOrderId, Order.Quantity, [.. Fills], Detail);
}
