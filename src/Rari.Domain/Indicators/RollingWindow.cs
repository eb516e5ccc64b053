namespace Rari.Domain.Indicators;

/// <summary>
/// A fixed-capacity ring buffer holding the most recent values of a series; the building block of every rolling
/// indicator. Adding to a full window evicts the oldest value.
/// </summary>
/// <typeparam name="T">Element type; indicators use <see cref="double"/>.</typeparam>
/// <remarks>
/// The buffer is allocated once in the constructor; <see cref="Add(T, out T)"/>, the indexer and
/// <see cref="Clear"/> never allocate. Indexing is by lag, as in time-series notation: <c>window[0]</c> is the newest
/// value, <c>window[Count - 1]</c> the oldest.
/// </remarks>
public sealed class RollingWindow<T>
{
    private readonly T[] _items;
    private int _next;
    private int _count;

    /// <summary>Creates an empty window.</summary>
    /// <param name="capacity">Number of values kept; at least 1.</param>
    public RollingWindow(int capacity)
    {
        _items = new T[IndicatorGuard.Period(capacity, 1, nameof(capacity))];
    }

    /// <summary>Maximum number of values kept.</summary>
    public int Capacity => _items.Length;

    /// <summary>Number of values currently held (at most <see cref="Capacity"/>).</summary>
    public int Count => _count;

    /// <summary>True once <see cref="Capacity"/> values are held, so the next add evicts one.</summary>
    public bool IsFull => _count == _items.Length;

    /// <summary>The value added <paramref name="lag"/> adds ago: 0 is the newest, <c>Count - 1</c> the oldest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lag is negative or not below <see cref="Count"/>.</exception>
    public T this[int lag]
    {
        get
        {
            if ((uint)lag >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(lag), lag, "The lag must lie in [0, Count).");
            }

            var slot = _next - 1 - lag;
            return _items[slot < 0 ? slot + _items.Length : slot];
        }
    }

    /// <summary>The most recently added value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty.</exception>
    public T Newest => this[0];

    /// <summary>The oldest value still held: the one the next add evicts when the window is full.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty.</exception>
    public T Oldest => this[_count - 1];

    /// <summary>Adds a value, reporting the value it evicted when the window was full.</summary>
    /// <returns>True when a value was evicted (the window was full), false while it was still filling.</returns>
    public bool Add(T item, out T evicted)
    {
        var wasFull = _count == _items.Length;
        evicted = wasFull ? _items[_next] : default!;
        _items[_next] = item;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (!wasFull)
        {
            _count++;
        }

        return wasFull;
    }

    /// <summary>Adds a value, evicting the oldest when the window is full.</summary>
    public void Add(T item) => Add(item, out _);

    /// <summary>Empties the window, keeping its buffer.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _next = 0;
        _count = 0;
    }
}
