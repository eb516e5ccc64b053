namespace Rari.Aster.Streams;

/// <summary>
/// Puts events that arrive slightly out of order back in event-time order (Aster: "user-data payloads may arrive out
/// of order under load, so order them by E"). Each event is held for a window after its arrival; when the
/// oldest-arrived event's window ends it is released together with every held event of an earlier or equal event
/// time, in (event time, arrival) order.
/// </summary>
/// <remarks>
/// <para>An event is therefore delayed by at most the window, and events arriving within one window of each other come
/// out sorted. An event arriving more than a window after a later one was released is passed on late, out of order
/// (<see cref="LateCount"/>); nothing is ever dropped. A window of 0 passes everything through as it arrives.</para>
/// <para>Pure and not thread-safe; times are UTC epoch ms passed in by the caller.</para>
/// </remarks>
/// <typeparam name="T">The event.</typeparam>
internal sealed class EventTimeOrderer<T>(long windowMs)
{
    private readonly List<Held> _held = [];
    private long _sequence;
    private long _lastReleasedTimeMs = long.MinValue;

    /// <summary>How many events are held.</summary>
    public int Count => _held.Count;

    /// <summary>How many events were released after a later one (they arrived too late to be put in order).</summary>
    public int LateCount { get; private set; }

    /// <summary>When the next held event must be released, or null when none is held.</summary>
    public long? NextDueMs => _held.Count == 0 ? null : _held.Min(h => h.DueMs);

    /// <summary>Holds an event that arrived at <paramref name="arrivalMs"/>.</summary>
    public void Add(T item, long eventTimeMs, long arrivalMs) =>
        _held.Add(new Held(item, eventTimeMs, arrivalMs + windowMs, _sequence++));

    /// <summary>The events due by <paramref name="nowMs"/>, in release order.</summary>
    public IReadOnlyList<T> TakeDue(long nowMs)
    {
        List<T>? released = null;
        while (_held.Count > 0)
        {
            var oldest = _held.MinBy(h => h.Sequence)!;
            if (oldest.DueMs > nowMs)
            {
                break;
            }

            var batch = _held.Where(h => Precedes(h, oldest)).OrderBy(h => h.EventTimeMs).ThenBy(h => h.Sequence).ToList();
            _held.RemoveAll(h => Precedes(h, oldest));
            foreach (var h in batch)
            {
                (released ??= []).Add(Release(h));
            }
        }

        return released ?? (IReadOnlyList<T>)[];
    }

    /// <summary>Every held event, in order (before a connection event, or when stopping).</summary>
    public IReadOnlyList<T> TakeAll()
    {
        var all = _held.OrderBy(h => h.EventTimeMs).ThenBy(h => h.Sequence).Select(Release).ToList();
        _held.Clear();
        return all;
    }

    private static bool Precedes(Held h, Held oldest) =>
        h.EventTimeMs < oldest.EventTimeMs || (h.EventTimeMs == oldest.EventTimeMs && h.Sequence <= oldest.Sequence);

    private T Release(Held h)
    {
        if (h.EventTimeMs < _lastReleasedTimeMs)
        {
            LateCount++;
        }
        else
        {
            _lastReleasedTimeMs = h.EventTimeMs;
        }

        return h.Item;
    }

    private sealed record Held(T Item, long EventTimeMs, long DueMs, long Sequence);
}
