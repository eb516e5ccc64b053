using Rari.Venue.Orders;

namespace Rari.Venue.Matching;

/// <summary>
/// Orders of one kind kept in priority order, best at the end of the backing list so that taking the best is O(1):
/// by price (the limit price, or the stop price of conditional orders), then by order id (time priority).
/// </summary>
internal sealed class SortedOrderList
{
    private readonly List<VenueOrder> _orders = [];
    private readonly bool _lowestFirst;
    private readonly bool _byStopPrice;

    /// <param name="lowestFirst">True when the lowest price is the best (asks, triggers above); false for bids and triggers below.</param>
    /// <param name="byStopPrice">True to order by stop price (conditional orders), false by limit price.</param>
    public SortedOrderList(bool lowestFirst, bool byStopPrice)
    {
        _lowestFirst = lowestFirst;
        _byStopPrice = byStopPrice;
    }

    public int Count => _orders.Count;

    /// <summary>The order <paramref name="depth"/> places from the best (0 = best).</summary>
    public VenueOrder At(int depth) => _orders[_orders.Count - 1 - depth];

    /// <summary>The best order's price; only meaningful when <see cref="Count"/> is not 0.</summary>
    public decimal BestKey => Key(_orders[^1]);

    public void Add(VenueOrder order) => _orders.Insert(FirstBetterThan(order), order);

    public bool Remove(VenueOrder order)
    {
        var index = FirstBetterThan(order) - 1;
        if (index < 0 || !ReferenceEquals(_orders[index], order))
        {
            return false;
        }

        _orders.RemoveAt(index);
        return true;
    }

    private decimal Key(VenueOrder order) => _byStopPrice ? order.StopPrice : order.Price;

    private bool IsBetter(VenueOrder a, VenueOrder b)
    {
        var keyA = Key(a);
        var keyB = Key(b);
        if (keyA != keyB)
        {
            return _lowestFirst ? keyA < keyB : keyA > keyB;
        }

        return a.OrderId < b.OrderId;
    }

    // Binary search for the first stored order that is better than the given one; everything before it is not.
    private int FirstBetterThan(VenueOrder order)
    {
        var low = 0;
        var high = _orders.Count;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (IsBetter(_orders[middle], order))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
