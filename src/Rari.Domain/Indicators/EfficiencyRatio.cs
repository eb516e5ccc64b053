using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Kaufman's efficiency ratio over <see cref="Period"/> bars: net change divided by the path travelled,
/// ER = |x_t − x_{t−N}| / Σ_{i=t−N+1..t} |x_i − x_{i−1}|. Near 1 the market trends cleanly; near 0 it chops, which
/// is where a grid earns.
/// </summary>
/// <remarks>
/// Conventions: ER is 0 when nothing moved (a zero path), and is capped at 1 against rounding in the path sum.
/// Needs N + 1 values (N changes) to be ready. The path goes through <see cref="RollingSum"/> (no drift, nothing
/// subtracted); the net change is read directly from a ring buffer of the last N + 1 values.
/// </remarks>
public sealed class EfficiencyRatio : ISeriesIndicator, IKlineIndicator
{
    private readonly RollingWindow<double> _values;
    private readonly RollingSum _path;
    private long _count;

    /// <summary>Creates an empty ratio.</summary>
    /// <param name="period">Number of bar-to-bar changes N; at least 1 (10 is Kaufman's choice).</param>
    public EfficiencyRatio(int period)
    {
        _path = new RollingSum(period);
        _values = new RollingWindow<double>(period + 1);
    }

    /// <summary>Number of bar-to-bar changes in the window.</summary>
    public int Period => _path.Period;

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> + 1 values have arrived.</summary>
    public bool IsReady => _path.IsReady;

    /// <summary>Net absolute change over the window, |x_t − x_{t−N}|; NaN until ready.</summary>
    public double NetChange => IsReady ? Math.Abs(_values.Newest - _values.Oldest) : double.NaN;

    /// <summary>Path length: sum of absolute bar-to-bar changes over the window; NaN until ready.</summary>
    public double Path => _path.Sum;

    /// <summary>The efficiency ratio in [0, 1]; 0 when nothing moved; NaN until ready.</summary>
    public double Value
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var path = _path.Sum;
            return path > 0 ? Math.Min(1, NetChange / path) : 0;
        }
    }

    /// <inheritdoc />
    public void Update(double value)
    {
        IndicatorGuard.Finite(value, nameof(value));
        if (_values.Count > 0)
        {
            _path.Update(Math.Abs(value - _values.Newest));
        }

        _values.Add(value);
        _count++;
    }

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <summary>Adds the candle's close.</summary>
    public void Update(in Kline kline) => Update((double)kline.Close);

    /// <inheritdoc />
    public void Reset()
    {
        _values.Clear();
        _path.Reset();
        _count = 0;
    }
}
