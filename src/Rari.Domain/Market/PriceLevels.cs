namespace Rari.Domain.Market;

/// <summary>
/// One side of an <see cref="OrderBook"/>: levels in parallel sorted arrays, stored worst first so the best price is
/// the last element. The touch is then O(1), a lookup O(log n), and the frequent changes near the touch move only the
/// few elements behind them.
/// </summary>
internal sealed class PriceLevels
{
    private const int InitialCapacity = 64;

    private readonly bool _isBid;
    private decimal[] _prices = new decimal[InitialCapacity];
    private decimal[] _quantities = new decimal[InitialCapacity];

    public PriceLevels(BookSide side) => _isBid = side == BookSide.Bid;

    public int Count { get; private set; }

    /// <summary>The level <paramref name="depth"/> steps from the touch (0 = best).</summary>
    public BookLevel LevelAt(int depth)
    {
        var index = Count - 1 - depth;
        return new BookLevel(_prices[index], _quantities[index]);
    }

    public decimal PriceAt(int depth) => _prices[Count - 1 - depth];

    public decimal QuantityAt(int depth) => _quantities[Count - 1 - depth];

    public void Clear() => Count = 0;

    /// <summary>Sets a level's absolute quantity; 0 removes it, and removing an absent level does nothing.</summary>
    public void Set(decimal price, decimal quantity)
    {
        var index = Find(price);
        if (index >= 0)
        {
            if (quantity == 0m)
            {
                Array.Copy(_prices, index + 1, _prices, index, Count - index - 1);
                Array.Copy(_quantities, index + 1, _quantities, index, Count - index - 1);
                Count--;
            }
            else
            {
                _prices[index] = price;
                _quantities[index] = quantity;
            }

            return;
        }

        if (quantity == 0m)
        {
            return;
        }

        var insertAt = ~index;
        EnsureCapacity(Count + 1);
        Array.Copy(_prices, insertAt, _prices, insertAt + 1, Count - insertAt);
        Array.Copy(_quantities, insertAt, _quantities, insertAt + 1, Count - insertAt);
        _prices[insertAt] = price;
        _quantities[insertAt] = quantity;
        Count++;
    }

    /// <summary>Replaces every level; levels with quantity 0 are skipped.</summary>
    /// <exception cref="ArgumentException">The same price appears twice.</exception>
    public void Load(IReadOnlyList<BookLevel> levels, string paramName)
    {
        EnsureCapacity(levels.Count);
        var count = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Quantity != 0m)
            {
                _prices[count] = level.Price;
                _quantities[count] = level.Quantity;
                count++;
            }
        }

        // Snapshots arrive best first, i.e. in reverse of the storage order; reverse before sorting so the common
        // case is already sorted.
        Array.Reverse(_prices, 0, count);
        Array.Reverse(_quantities, 0, count);
        Array.Sort(_prices, _quantities, 0, count, _isBid ? AscendingComparer.Instance : DescendingComparer.Instance);
        for (var i = 1; i < count; i++)
        {
            if (_prices[i] == _prices[i - 1])
            {
                Count = 0;
                throw new ArgumentException($"The snapshot lists price {_prices[i]} twice on one side.", paramName);
            }
        }

        Count = count;
    }

    /// <summary>Binary search in storage order; the index, or its bitwise complement as the insertion point.</summary>
    private int Find(decimal price)
    {
        var low = 0;
        var high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = _prices[middle].CompareTo(price);
            if (!_isBid)
            {
                order = -order;
            }

            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _prices.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _prices.Length * 2);
        Array.Resize(ref _prices, capacity);
        Array.Resize(ref _quantities, capacity);
    }

    private sealed class AscendingComparer : IComparer<decimal>
    {
        public static readonly AscendingComparer Instance = new();

        public int Compare(decimal x, decimal y) => x.CompareTo(y);
    }

    private sealed class DescendingComparer : IComparer<decimal>
    {
        public static readonly DescendingComparer Instance = new();

        public int Compare(decimal x, decimal y) => y.CompareTo(x);
    }
}
