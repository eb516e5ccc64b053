namespace Rari.Dashboard.ReadModel;

/// <summary>
/// A set that remembers only the last <c>capacity</c> keys added, for de-duplicating redeliveries in a process that
/// runs for weeks: a fill is redelivered within moments (a pub-sub reconnect), never after thousands of newer ones, so
/// the oldest keys can go and memory stays constant.
/// </summary>
/// <typeparam name="T">The key.</typeparam>
internal sealed class RecentKeys<T>
    where T : notnull
{
    private readonly HashSet<T> _keys = [];
    private readonly Queue<T> _order = new();
    private readonly int _capacity;

    /// <summary>A set keeping the last <paramref name="capacity"/> keys.</summary>
    public RecentKeys(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>How many keys are remembered now (at most the capacity).</summary>
    public int Count => _keys.Count;

    /// <summary>Adds <paramref name="key"/>; false when it is among the remembered ones already.</summary>
    public bool Add(T key)
    {
        if (!_keys.Add(key))
        {
            return false;
        }

        _order.Enqueue(key);
        if (_order.Count > _capacity)
        {
            _keys.Remove(_order.Dequeue());
        }

        return true;
    }
}
