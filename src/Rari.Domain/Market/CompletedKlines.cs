using System.Collections;

namespace Rari.Domain.Market;

/// <summary>
/// The zero, one or two bars one <see cref="KlineAggregator.Add"/> call completed, oldest first, without allocating.
/// </summary>
public readonly struct CompletedKlines : IReadOnlyList<Kline>, IEquatable<CompletedKlines>
{
    private readonly Kline _first;
    private readonly Kline _second;

    /// <summary>One completed bar.</summary>
    public CompletedKlines(Kline first)
    {
        _first = first;
        Count = 1;
    }

    /// <summary>Two completed bars, <paramref name="first"/> the older.</summary>
    public CompletedKlines(Kline first, Kline second)
    {
        _first = first;
        _second = second;
        Count = 2;
    }

    /// <summary>How many bars completed: 0, 1 or 2.</summary>
    public int Count { get; }

    /// <summary>The completed bar at <paramref name="index"/> (0 = oldest).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below <see cref="Count"/>.</exception>
    public Kline this[int index] => (uint)index < (uint)Count
        ? (index == 0 ? _first : _second)
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Count} bar(s) completed.");

    /// <summary>Compares two results bar by bar.</summary>
    public static bool operator ==(CompletedKlines left, CompletedKlines right) => left.Equals(right);

    /// <summary>Compares two results bar by bar.</summary>
    public static bool operator !=(CompletedKlines left, CompletedKlines right) => !left.Equals(right);

    /// <summary>Enumerates the completed bars, oldest first, without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Kline> IEnumerable<Kline>.GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Kline>)this).GetEnumerator();

    /// <inheritdoc />
    public bool Equals(CompletedKlines other) =>
        Count == other.Count && (Count < 1 || _first == other._first) && (Count < 2 || _second == other._second);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CompletedKlines other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Count switch
    {
        0 => 0,
        1 => HashCode.Combine(1, _first),
        _ => HashCode.Combine(2, _first, _second),
    };

    /// <summary>Walks a <see cref="CompletedKlines"/> without boxing it.</summary>
    public struct Enumerator
    {
        private readonly CompletedKlines _items;
        private int _index;

        internal Enumerator(CompletedKlines items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The bar at the current position.</summary>
        public readonly Kline Current => _items[_index];

        /// <summary>Moves to the next bar; false when there is none.</summary>
        public bool MoveNext() => ++_index < _items.Count;
    }
}
