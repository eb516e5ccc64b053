using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Execution;

/// <summary>
/// The gateway's journaled state: every order by client order id (its <see cref="Order"/> folded by the Domain's state
/// machine), and the orders declared lost. Changed only by <see cref="Apply"/>, which the actor calls in persist
/// callbacks and during recovery: one code path for both.
/// </summary>
internal sealed class GatewayState
{
    private readonly Dictionary<ClientOrderId, GatewayOrder> _orders = [];
    private readonly Dictionary<ClientOrderId, OrderDeclaredLost> _lost = [];
    private readonly HashSet<ClientOrderId> _open = [];
    private readonly List<GatewayOrder> _inOrder = [];
    private readonly ClientOrderIdFactory _ids;

    public GatewayState(ClientOrderIdFactory ids) => _ids = ids;

    /// <summary>The strategy id under which the gateway places the orders that close positions.</summary>
    public static StrategyId RiskStrategy { get; } = new("risk");

    /// <summary>Every order, oldest first.</summary>
    public IReadOnlyList<GatewayOrder> Orders => _inOrder;

    /// <summary>The orders that are not terminal.</summary>
    public IEnumerable<GatewayOrder> OpenOrders => _open.Select(id => _orders[id]);

    /// <summary>The client order ids declared lost.</summary>
    public IReadOnlySet<ClientOrderId> Lost => _lost.Keys.ToHashSet();

    /// <summary>The sequence of the next order the gateway places itself (to close positions).</summary>
    public long NextRiskSequence { get; private set; }

    public bool TryGet(ClientOrderId id, out GatewayOrder order) => _orders.TryGetValue(id, out order!);

    public bool IsLost(ClientOrderId id) => _lost.ContainsKey(id);

    public OrderDeclaredLost? LostRecord(ClientOrderId id) => _lost.GetValueOrDefault(id);

    /// <summary>The journal as reconciliation sees it.</summary>
    public IReadOnlyList<JournalOrder> JournalView() => [.. _inOrder.Select(o => new JournalOrder(o.Order, o.SentAtMs))];

    /// <summary>What applying an order event would do, without doing it.</summary>
    public OrderApplyResult? Preview(IOrderEvent orderEvent) =>
        _orders.TryGetValue(orderEvent.ClientOrderId, out var order) ? order.Order.Apply(orderEvent) : null;

    /// <summary>Folds one journal event; returns the order's apply result for an order event, null otherwise.</summary>
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
                _lost.TryAdd(lost.ClientOrderId, lost);
                return null;
            case IOrderEvent orderEvent:
                return ApplyOrderEvent(orderEvent);
            default:
                throw new ArgumentException($"{journalEvent.GetType().Name} is not a gateway journal event.", nameof(journalEvent));
        }
    }

    public GatewaySnapshot ToSnapshot() => new(
        [.. _inOrder.Select(o => new GatewaySnapshotOrder(o.Order.Intent, o.Reason, o.CreatedMs, o.SentAtMs, [.. o.History]))],
        [.. _lost.Values]);

    public void Restore(GatewaySnapshot snapshot)
    {
        _orders.Clear();
        _lost.Clear();
        _open.Clear();
        _inOrder.Clear();
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
            _lost.TryAdd(lost.ClientOrderId, lost);
        }
    }

    private void Create(OrderIntent intent, string reason, long timestampMs, long sentAtMs, IOrderEvent? first)
    {
        if (_orders.ContainsKey(intent.ClientOrderId))
        {
            // The actor never journals a second start for one id; a repeat in the journal must not reset the order.
            return;
        }

        var order = new GatewayOrder(Order.Create(new OrderInitialized(intent, timestampMs)), reason, timestampMs, sentAtMs);
        _orders.Add(intent.ClientOrderId, order);
        _inOrder.Add(order);
        _open.Add(intent.ClientOrderId);
        if (intent.StrategyId == RiskStrategy && _ids.TryParse(intent.ClientOrderId, out var parts))
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

        var result = order.Order.Apply(orderEvent);
        if (result is OrderApplyResult.Applied)
        {
            order.Order = result.Order;
            order.History.Add(orderEvent);
            if (orderEvent is OrderFilled filled)
            {
                order.Fills.Add(filled.Fill);
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

            if (order.Order.Status.IsTerminal())
            {
                _open.Remove(orderEvent.ClientOrderId);
            }
        }

        return result;
    }
}

/// <summary>One order of the gateway: its state, how it started and what happened to it.</summary>
internal sealed class GatewayOrder(Order order, string reason, long createdMs, long sentAtMs)
{
    public Order Order { get; set; } = order;

    public string Reason { get; } = reason;

    public long CreatedMs { get; } = createdMs;

    public long SentAtMs { get; } = sentAtMs;

    /// <summary>Every order event applied since creation, in order (what a snapshot keeps).</summary>
    public List<IOrderEvent> History { get; } = [];

    public List<Fill> Fills { get; } = [];

    /// <summary>The last rejection, denial or refused cancel, for reports.</summary>
    public string? Detail { get; set; }

    public ClientOrderId ClientOrderId => Order.ClientOrderId;

    public Symbol Symbol => Order.Symbol;

    public OrderStatusReport Report() => new(ClientOrderId, Order.Status, Order.VenueOrderId, Order.Quantity, [.. Fills], Detail);
}
