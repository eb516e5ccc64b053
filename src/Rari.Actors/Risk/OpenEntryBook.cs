using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Risk;

/// <summary>
/// The entry orders the risk gate approved and that may still fill: what the caps count as resting exposure
/// (<c>SymbolRiskView.OpenBuyNotional</c> / <c>OpenSellNotional</c>). Fed by the gate's approvals and by the order events
/// the gateway sends back; mutable, touched only on the gate's thread.
/// </summary>
/// <remarks>
/// Orders that cannot add exposure (reduce-only, closePosition, hedge-mode closes) are never entered. Each order is valued
/// at the price it was judged at (limit, stop, or the mark for a MARKET order) times its unfilled quantity. The book is
/// market state, not journaled: after a restart it starts empty and counts the orders approved since.
/// </remarks>
internal sealed class OpenEntryBook
{
    private readonly Dictionary<ClientOrderId, Entry> _entries = [];

    /// <summary>Number of orders held.</summary>
    public int Count => _entries.Count;

    /// <summary>Holds an approved entry (again, if the strategy re-sent it: the latest approval replaces the earlier one).</summary>
    public void Add(OrderIntent order, decimal price)
    {
        ArgumentNullException.ThrowIfNull(order);
        _entries[order.ClientOrderId] = new Entry(order.Symbol, order.Side, order.Quantity ?? 0m, price);
    }

    /// <summary>Takes a fill off the order's unfilled quantity; a fully filled order leaves the book.</summary>
    /// <summary>Adds an order known from elsewhere (the gateway, after a restart) unless it is already counted.</summary>
    /// <param name="order">The order.</param>
    /// <param name="remaining">Its unfilled quantity.</param>
    /// <param name="price">Its reference price.</param>
    /// <returns>Whether it was added.</returns>
    public bool AddIfAbsent(OrderIntent order, decimal remaining, decimal price)
    {
        ArgumentNullException.ThrowIfNull(order);
        return _entries.TryAdd(order.ClientOrderId, new Entry(order.Symbol, order.Side, remaining, price));
    }

    public void Fill(ClientOrderId id, decimal quantity)
    {
        if (!_entries.TryGetValue(id, out var entry))
        {
            return;
        }

        var remaining = entry.Remaining - quantity;
        if (remaining <= 0m)
        {
            _entries.Remove(id);
        }
        else
        {
            _entries[id] = entry with { Remaining = remaining };
        }
    }

    /// <summary>Forgets an order that ended (cancelled, expired, rejected, denied).</summary>
    public void Remove(ClientOrderId id) => _entries.Remove(id);

    /// <summary>The notional of the symbol's held buy and sell entries, USDT.</summary>
    public (decimal Buy, decimal Sell) NotionalOf(Symbol symbol)
    {
        decimal buy = 0m, sell = 0m;
        foreach (var entry in _entries.Values)
        {
            if (entry.Symbol != symbol)
            {
                continue;
            }

            if (entry.Side == OrderSide.Buy)
            {
                buy += entry.Remaining * entry.Price;
            }
            else
            {
                sell += entry.Remaining * entry.Price;
            }
        }

        return (buy, sell);
    }

    /// <summary>Adds the symbol of every held order to <paramref name="symbols"/>.</summary>
    public void CollectSymbols(HashSet<Symbol> symbols)
    {
        foreach (var entry in _entries.Values)
        {
            symbols.Add(entry.Symbol);
        }
    }

    private readonly record struct Entry(Symbol Symbol, OrderSide Side, decimal Remaining, decimal Price);
}
