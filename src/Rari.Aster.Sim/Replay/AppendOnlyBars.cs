using System.Collections;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Replay;

/// <summary>
/// A list of bars one writer appends to while any number of readers index it: the live market adds each closed minute
/// while REST endpoints and streams read the bars before it.
/// </summary>
/// <remarks>
/// The writer stores the bar (in a larger copy of the array when full, published first) and only then publishes the new
/// count; a reader reads the count before the array, so every index below the count it saw is in the array it reads.
/// </remarks>
internal sealed class AppendOnlyBars : IReadOnlyList<Kline>
{
    private Kline[] _items;
    private int _count;

    /// <summary>Starts with <paramref name="bars"/>.</summary>
    public AppendOnlyBars(IReadOnlyList<Kline> bars)
    {
        _items = new Kline[Math.Max(16, bars.Count + 64)];
        for (var i = 0; i < bars.Count; i++)
        {
            _items[i] = bars[i];
        }

        _count = bars.Count;
    }

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public Kline this[int index]
    {
        get
        {
            var count = Volatile.Read(ref _count);
            var items = Volatile.Read(ref _items);
            return (uint)index < (uint)count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {count} bars.");
        }
    }

    /// <summary>Appends a bar; one writer at a time.</summary>
    public void Add(in Kline bar)
    {
        var count = _count;
        if (count == _items.Length)
        {
            var larger = new Kline[_items.Length * 2];
            Array.Copy(_items, larger, count);
            Volatile.Write(ref _items, larger);
        }

        _items[count] = bar;
        Volatile.Write(ref _count, count + 1);
    }

    /// <inheritdoc />
    public IEnumerator<Kline> GetEnumerator()
    {
        var count = Volatile.Read(ref _count);
        var items = Volatile.Read(ref _items);
        for (var i = 0; i < count; i++)
        {
            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
