namespace Rari.Domain.Indicators;

/// <summary>The sum of the last <see cref="Period"/> values of a series; the core of SMAs and rolling estimators.</summary>
/// <remarks>
/// <para>A sliding sum (add the new value, subtract the evicted one) drifts, and when a spike leaves the window the
/// subtraction cancels: a sum of squared log ranges that held one flash-crash bar keeps an error of ε × the spike
/// long after. So nothing is ever subtracted here. The window is split into an older block, whose suffix sums are
/// recomputed from scratch once every <see cref="Period"/> updates, and the newer values, summed as they arrive;
/// the sum is one suffix sum plus the running sum (the "two stacks" sliding-window aggregation).</para>
/// <para>Cost: O(1) amortised — one O(N) rebuild per N updates, about two additions per update on average; the
/// arrays are allocated once in the constructor. A window of zeros sums to exactly 0.</para>
/// </remarks>
public sealed class RollingSum : ISeriesIndicator
{
    private readonly RollingWindow<double> _window;
    private readonly double[] _suffixSums;
    private int _oldestInBlock;
    private int _blockLength;
    private double _newerSum;
    private long _count;

    /// <summary>Creates an empty rolling sum.</summary>
    /// <param name="period">Number of values summed; at least 1.</param>
    public RollingSum(int period)
    {
        _window = new RollingWindow<double>(IndicatorGuard.Period(period, 1, nameof(period)));
        _suffixSums = new double[period];
    }

    /// <summary>Number of values summed.</summary>
    public int Period => _window.Capacity;

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> values have arrived.</summary>
    public bool IsReady => _window.IsFull;

    /// <summary>Sum of the last <see cref="Period"/> values; NaN until ready.</summary>
    public double Sum
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            return _oldestInBlock < _blockLength ? _suffixSums[_oldestInBlock] + _newerSum : _newerSum;
        }
    }

    /// <inheritdoc />
    public void Update(double value)
    {
        IndicatorGuard.Finite(value, nameof(value));
        _count++;
        if (_window.IsFull)
        {
            if (_oldestInBlock == _blockLength)
            {
                Rebuild();
            }

            _oldestInBlock++;
        }

        _window.Add(value);
        _newerSum += value;
    }

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <inheritdoc />
    public void Reset()
    {
        _window.Clear();
        _oldestInBlock = 0;
        _blockLength = 0;
        _newerSum = 0;
        _count = 0;
    }

    // The older block is exhausted, so every value in the (full) window is a newer one: make them the new block.
    private void Rebuild()
    {
        var length = _window.Count;
        var sum = 0d;
        for (var i = length - 1; i >= 0; i--)
        {
            sum += _window[length - 1 - i];
            _suffixSums[i] = sum;
        }

        _oldestInBlock = 0;
        _blockLength = length;
        _newerSum = 0;
    }
}
