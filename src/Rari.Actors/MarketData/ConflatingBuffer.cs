namespace Rari.Actors.MarketData;

/// <summary>
/// The queue behind <see cref="SymbolConflation"/>: items without a key (klines, connection events) wait in arrival
/// order and are never dropped; items with a key (a symbol's book ticker, its mark price) are conflated, so at most one
/// per key waits and a newer one replaces it in place (the latest wins). A keyed item may also be held back until
/// <c>minIntervalMs</c> has passed since its key was last taken; items behind it are not held up by that.
/// </summary>
/// <remarks>
/// Not thread-safe: one stage (or one test) owns it. Time is passed in by the caller, so the rules can be checked
/// without a clock.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TKey">The conflation key, e.g. (symbol, kind).</typeparam>
public sealed class ConflatingBuffer<T, TKey>
    where TKey : struct, IEquatable<TKey>
{
    private readonly Func<T, TKey?> _keyOf;
    private readonly long _minIntervalMs;
    private readonly LinkedList<Entry> _queue = new();
    private readonly Dictionary<TKey, Slot> _slots = [];

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="keyOf">The key of an item that may be conflated, or null for an item that must be kept.</param>
    /// <param name="minIntervalMs">The least time between two items of one key, ms; 0 paces nothing.</param>
    public ConflatingBuffer(Func<T, TKey?> keyOf, long minIntervalMs)
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfNegative(minIntervalMs);
        _keyOf = keyOf;
        _minIntervalMs = minIntervalMs;
    }

    /// <summary>How many items wait, kept and conflated together.</summary>
    public int Count => _queue.Count;

    /// <summary>How many items without a key wait (what a stage bounds to apply back-pressure).</summary>
    public int KeptCount { get; private set; }

    /// <summary>How many keyed items were replaced by a newer one of the same key since the buffer was created.</summary>
    public long Conflated { get; private set; }

    /// <summary>Adds an item at <paramref name="nowMs"/>.</summary>
    public void Add(T item, long nowMs)
    {
        if (_keyOf(item) is not { } key)
        {
            _queue.AddLast(new Entry(item, null));
            KeptCount++;
            return;
        }

        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = new Slot();
            _slots.Add(key, slot);
        }

        slot.Latest = item;
        if (slot.Node is not null)
        {
            Conflated++;
            return;
        }

        slot.Node = _queue.AddLast(new Entry(default, slot));
    }

    /// <summary>
    /// Takes the oldest item that may go at <paramref name="nowMs"/>: the first kept item, or a keyed one whose key's
    /// interval has passed, whichever comes first in arrival order.
    /// </summary>
    /// <param name="nowMs">The time now.</param>
    /// <param name="item">The item taken.</param>
    /// <param name="ignorePacing">Takes the first item whatever the interval (when the stream is finishing).</param>
    /// <returns>False when nothing may go now.</returns>
    public bool TryTake(long nowMs, out T item, bool ignorePacing = false)
    {
        for (var node = _queue.First; node is not null; node = node.Next)
        {
            var slot = node.Value.Slot;
            if (slot is null)
            {
                _queue.Remove(node);
                KeptCount--;
                item = node.Value.Item!;
                return true;
            }

            if (ignorePacing || !slot.HasBeenTaken || nowMs - slot.LastTakenMs >= _minIntervalMs)
            {
                _queue.Remove(node);
                slot.Node = null;
                slot.HasBeenTaken = true;
                slot.LastTakenMs = nowMs;
                item = slot.Latest!;
                slot.Latest = default;
                return true;
            }
        }

        item = default!;
        return false;
    }

    /// <summary>When the earliest held item may go, or null when nothing is held (empty, or something may go now).</summary>
    public long? NextDueMs()
    {
        long? due = null;
        for (var node = _queue.First; node is not null; node = node.Next)
        {
            var slot = node.Value.Slot;
            if (slot is null || !slot.HasBeenTaken)
            {
                return null;
            }

            var at = slot.LastTakenMs + _minIntervalMs;
            if (due is null || at < due)
            {
                due = at;
            }
        }

        return due;
    }

    private readonly record struct Entry(T? Item, Slot? Slot);

    private sealed class Slot
    {
        public T? Latest { get; set; }

        public LinkedListNode<Entry>? Node { get; set; }

        public bool HasBeenTaken { get; set; }

        public long LastTakenMs { get; set; }
    }
}
