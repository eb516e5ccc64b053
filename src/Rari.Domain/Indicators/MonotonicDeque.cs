namespace Rari.Domain.Indicators;

/// <summary>
/// The candidates for a sliding-window maximum (or minimum): a ring-buffer deque whose values decrease (increase)
/// from front to back, so the front is the extreme of the window. Each value is pushed and popped at most once,
/// which makes an update O(1) amortised.
/// </summary>
internal sealed class MonotonicDeque
{
    private readonly long[] _positions;
    private readonly double[] _values;
    private readonly bool _tracksMaximum;
    private int _head;
    private int _count;

    public MonotonicDeque(int period, bool tracksMaximum)
    {
        _positions = new long[period];
        _values = new double[period];
        _tracksMaximum = tracksMaximum;
    }

    public double Front => _values[_head];

    /// <summary>Adds the value at series position <paramref name="position"/> (0, 1, 2, …).</summary>
    public void Push(long position, double value)
    {
        var capacity = _values.Length;

        // 1. Drop the front once it has left the window [position − period + 1, position].
        if (_count > 0 && _positions[_head] <= position - capacity)
        {
            _head = _head + 1 == capacity ? 0 : _head + 1;
            _count--;
        }

        // 2. Drop values at the back that can never be the extreme again: the new value outlives and beats them.
        while (_count > 0)
        {
            var back = _head + _count - 1;
            back = back >= capacity ? back - capacity : back;
            var dominated = _tracksMaximum ? _values[back] <= value : _values[back] >= value;
            if (!dominated)
            {
                break;
            }

            _count--;
        }

        var slot = _head + _count;
        slot = slot >= capacity ? slot - capacity : slot;
        _positions[slot] = position;
        _values[slot] = value;
        _count++;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }
}
