using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Highest and lowest value over the last <see cref="Period"/> updates; fed candles it tracks the highest high and
/// the lowest low (a Donchian channel), which is the range a grid is laid over.
/// </summary>
/// <remarks>
/// Two monotonic deques keep only the values that can still become the extreme, so an update is O(1) amortised
/// (each value enters and leaves a deque once) instead of rescanning the window.
/// </remarks>
public sealed class RollingMinMax : ISeriesIndicator, IKlineIndicator
{
    private readonly MonotonicDeque _maxima;
    private readonly MonotonicDeque _minima;
    private long _count;

    /// <summary>Creates an empty window.</summary>
    /// <param name="period">Number of updates in the window; at least 1.</param>
    public RollingMinMax(int period)
    {
        Period = IndicatorGuard.Period(period, 1, nameof(period));
        _maxima = new MonotonicDeque(period, tracksMaximum: true);
        _minima = new MonotonicDeque(period, tracksMaximum: false);
    }

    /// <summary>Number of updates in the window.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> updates have arrived.</summary>
    public bool IsReady => _count >= Period;

    /// <summary>Highest value (or high) in the window; NaN until ready.</summary>
    public double Maximum => IsReady ? _maxima.Front : double.NaN;

    /// <summary>Lowest value (or low) in the window; NaN until ready.</summary>
    public double Minimum => IsReady ? _minima.Front : double.NaN;

    /// <inheritdoc />
    public void Update(double value) => Update(value, value);

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <summary>Adds the candle's high to the maximum window and its low to the minimum window.</summary>
    public void Update(in Kline kline) => Update((double)kline.High, (double)kline.Low);

    /// <summary>Adds a high to the maximum window and a low to the minimum window.</summary>
    /// <param name="high">The value offered to the maximum; finite.</param>
    /// <param name="low">The value offered to the minimum; finite and not above <paramref name="high"/>.</param>
    public void Update(double high, double low)
    {
        IndicatorGuard.Finite(high, nameof(high));
        IndicatorGuard.Finite(low, nameof(low));
        if (high < low)
        {
            throw new ArgumentException("The high is below the low.", nameof(high));
        }

        _maxima.Push(_count, high);
        _minima.Push(_count, low);
        _count++;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _maxima.Clear();
        _minima.Clear();
        _count = 0;
    }
}
