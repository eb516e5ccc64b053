using System.Collections;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// An immutable list that compares by value, element by element, so that records holding one (grid states and events)
/// compare by value too: a restored snapshot equals the original, a replayed state equals the live one.
/// </summary>
/// <remarks>Changes return a new list and leave this one untouched. Indexing and counting allocate nothing.</remarks>
/// <typeparam name="T">The element type; its own equality decides the list's.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    internal static ValueList<T> Create(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        return array.Length == 0 ? ValueList.Empty<T>() : new ValueList<T>(array);
    }

    /// <summary>This list with <paramref name="item"/> appended.</summary>
    public ValueList<T> Add(T item)
    {
        var copy = new T[_items.Length + 1];
        _items.CopyTo(copy, 0);
        copy[^1] = item;
        return new ValueList<T>(copy);
    }

    /// <summary>This list with the element at <paramref name="index"/> replaced.</summary>
    public ValueList<T> SetItem(int index, T item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _items.Length);
        var copy = (T[])_items.Clone();
        copy[index] = item;
        return new ValueList<T>(copy);
    }

    /// <summary>This list without the element at <paramref name="index"/>.</summary>
    public ValueList<T> RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _items.Length);
        if (_items.Length == 1)
        {
            return ValueList.Empty<T>();
        }

        var copy = new T[_items.Length - 1];
        Array.Copy(_items, 0, copy, 0, index);
        Array.Copy(_items, index + 1, copy, index, _items.Length - index - 1);
        return new ValueList<T>(copy);
    }

    /// <summary>An allocation-free enumerator over the elements.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_items.Length);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";

    internal static ValueList<T> CreateEmpty() => new([]);

    /// <summary>Enumerates a <see cref="ValueList{T}"/> without allocating.</summary>
    public struct Enumerator : IEquatable<Enumerator>
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Moves to the next element; false at the end.</summary>
        public bool MoveNext() => ++_index < _items.Length;

        /// <inheritdoc />
        public readonly bool Equals(Enumerator other) => ReferenceEquals(_items, other._items) && _index == other._index;

        /// <inheritdoc />
        public override readonly bool Equals(object? obj) => obj is Enumerator other && Equals(other);

        /// <inheritdoc />
        public override readonly int GetHashCode() => HashCode.Combine(_items, _index);

        /// <summary>Whether two enumerators are at the same place of the same list.</summary>
        public static bool operator ==(Enumerator left, Enumerator right) => left.Equals(right);

        /// <summary>Whether two enumerators differ.</summary>
        public static bool operator !=(Enumerator left, Enumerator right) => !left.Equals(right);
    }
}

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
public static class ValueList
{
    /// <summary>The empty list of <typeparamref name="T"/>.</summary>
    public static ValueList<T> Empty<T>() => EmptyHolder<T>.Instance;

    /// <summary>A list holding <paramref name="items"/>, copied.</summary>
    public static ValueList<T> From<T>(IEnumerable<T> items) => ValueList<T>.Create(items);

    /// <summary>A list of the given items, copied.</summary>
    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.Create(items);

    private static class EmptyHolder<T>
    {
        public static readonly ValueList<T> Instance = ValueList<T>.CreateEmpty();
    }
}
