using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Execution;

// What keeps the state bounded: the newest ended orders and lost declarations, and the watermarks of the dropped ones.
public sealed partial class GatewayState
{
    private readonly int _retainedEnded;

    // Kept ended orders and lost declarations, oldest first: in the order they ended, in the order they were declared.
    private readonly Queue<GatewayOrder> _ended = new();
    private readonly Dictionary<ClientOrderId, OrderDeclaredLost> _lost = [];
    private readonly Queue<OrderDeclaredLost> _lostInOrder = new();

    // Ended orders and declarations whose ids have no sequence to raise a watermark with: never dropped (the gateway
    // only ever sees ids a ClientOrderIdFactory made, so these stay empty).
    private readonly List<GatewayOrder> _endedForever = [];
    private readonly List<OrderDeclaredLost> _lostForever = [];

    // Per "{prefix}-{strategy}-{symbol tag}": the highest sequence dropped. Per symbol: the highest trade id journaled.
    private readonly Dictionary<string, long> _droppedThrough = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, TradeId> _lastTradeIds = [];

    /// <summary>The highest trade id journaled per symbol, dropped orders included: reconciliation fetches the trades after it.</summary>
    public IReadOnlyDictionary<Symbol, TradeId> LastTradeIds => _lastTradeIds;

    /// <summary>Per prefix, strategy and symbol tag (<c>{prefix}-{strategy}-{symbol tag}</c>), the highest sequence of a dropped order or declaration.</summary>
    public IReadOnlyDictionary<string, long> DroppedThrough => _droppedThrough;

    /// <summary>
    /// Whether <paramref name="id"/> is not kept but at or below the dropped-through watermark of its strategy and symbol:
    /// an order that ended (or was declared lost) and was dropped, or an older one that never arrived. Either way it
    /// must never be sent.
    /// </summary>
    /// <param name="id">The client order id.</param>
    public bool IsRetired(ClientOrderId id) =>
        !_orders.ContainsKey(id) && !_lost.ContainsKey(id) && TryParts(id, out var parts)
        && _droppedThrough.TryGetValue(Key(parts), out var through) && parts.Sequence <= through;

    // An order just became terminal: keep it among the newest ended ones, dropping the oldest past the limit.
    private void Ended(GatewayOrder order)
    {
        if (!TryParts(order.ClientOrderId, out _))
        {
            // No watermark could refuse it once dropped.
            _endedForever.Add(order);
            return;
        }

        Keep(_ended, order, static o => o.ClientOrderId, id => _orders.Remove(id));
    }

    private void DeclareLost(OrderDeclaredLost lost)
    {
        if (IsRetired(lost.ClientOrderId) || !_lost.TryAdd(lost.ClientOrderId, lost))
        {
            return;
        }

        if (!TryParts(lost.ClientOrderId, out _))
        {
            _lostForever.Add(lost);
            return;
        }

        Keep(_lostInOrder, lost, static l => l.ClientOrderId, id => _lost.Remove(id));
    }

    // Queues one more kept entry; past the limit, the oldest is forgotten and its sequence raises the watermark.
    private void Keep<T>(Queue<T> kept, T entry, Func<T, ClientOrderId> idOf, Action<ClientOrderId> forget)
    {
        kept.Enqueue(entry);
        while (kept.Count > _retainedEnded)
        {
            var dropped = idOf(kept.Dequeue());
            forget(dropped);
            RaiseDroppedThrough(dropped);
        }
    }

    private void RaiseDroppedThrough(ClientOrderId id)
    {
        var parts = TryParts(id, out var p) ? p : throw new InvalidOperationException($"{id} was kept as droppable but has no sequence.");
        var key = Key(parts);
        _droppedThrough[key] = Math.Max(_droppedThrough.GetValueOrDefault(key, -1), parts.Sequence);
    }

    private void RaiseTradeWatermark(Fill fill)
    {
        if (!_lastTradeIds.TryGetValue(fill.Symbol, out var last) || fill.TradeId.Value > last.Value)
        {
            _lastTradeIds[fill.Symbol] = fill.TradeId;
        }
    }

    private void ClearRetention()
    {
        _ended.Clear();
        _endedForever.Clear();
        _lostForever.Clear();
        _lost.Clear();
        _lostInOrder.Clear();
        _droppedThrough.Clear();
        _lastTradeIds.Clear();
    }

    // Merged with what folding the snapshot's orders gave; a snapshot written before the watermarks existed has none,
    // and its orders (all of them, then) rebuild the trade watermark.
    private void RestoreWatermarks(GatewaySnapshot snapshot)
    {
        foreach (var (key, sequence) in snapshot.DroppedThrough ?? new Dictionary<string, long>())
        {
            _droppedThrough[key] = Math.Max(_droppedThrough.GetValueOrDefault(key, -1), sequence);
        }

        foreach (var (symbol, tradeId) in snapshot.LastTradeIds ?? new Dictionary<Symbol, TradeId>())
        {
            if (!_lastTradeIds.TryGetValue(symbol, out var last) || tradeId.Value > last.Value)
            {
                _lastTradeIds[symbol] = tradeId;
            }
        }
    }

    // The gateway's own prefix first; an id made with another prefix (strategies configured apart) has a sequence too.
    private bool TryParts(ClientOrderId id, out ClientOrderIdParts parts)
    {
        if (_ids.TryParse(id, out parts))
        {
            return true;
        }

        var dash = id.Value?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        var prefix = dash > 0 ? id.Value![..dash] : string.Empty;
        return prefix.Length is > 0 and <= ClientOrderIdFactory.MaxPrefixLength
            && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && new ClientOrderIdFactory(prefix).TryParse(id, out parts);
    }

    private static string Key(ClientOrderIdParts parts) => string.Join('-', parts.Prefix, parts.StrategyId.Value, parts.SymbolTag);
}
