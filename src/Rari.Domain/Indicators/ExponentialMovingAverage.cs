using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Exponential moving average with smoothing α = 2 / (N + 1): EMA_t = EMA_{t−1} + α (x_t − EMA_{t−1}).
/// </summary>
/// <remarks>
/// Seeding: the first value is the simple average of the first <see cref="Period"/> inputs (the usual convention, as
/// in TA-Lib), so the average is ready after N values and does not lean on the very first print. The recursion is a
/// contraction, so rounding errors decay instead of accumulating; no recomputation is needed.
/// </remarks>
public sealed class ExponentialMovingAverage : ISeriesIndicator, IKlineIndicator
{
    private readonly double _alpha;
    private double _seedSum;
    private double _value;
    private long _count;

    /// <summary>Creates an empty average.</summary>
    /// <param name="period">The span N; α = 2 / (N + 1). At least 1.</param>
    public ExponentialMovingAverage(int period)
    {
        Period = IndicatorGuard.Period(period, 1, nameof(period));
        _alpha = 2d / (period + 1);
    }

    /// <summary>The span N, which is also the number of values needed for the seed.</summary>
    public int Period { get; }

    /// <summary>The smoothing factor α = 2 / (N + 1).</summary>
    public double Alpha => _alpha;

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> values have arrived.</summary>
    public bool IsReady => _count >= Period;

    /// <summary>The average; NaN until ready.</summary>
    public double Value => IsReady ? _value : double.NaN;

    /// <inheritdoc />
    public void Update(double value)
    {
        IndicatorGuard.Finite(value, nameof(value));
        _count++;
        if (_count < Period)
        {
            _seedSum += value;
        }
        else if (_count == Period)
        {
            _value = (_seedSum + value) / Period;
        }
        else
        {
            _value += _alpha * (value - _value);
        }
    }

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <summary>Adds the candle's close.</summary>
    public void Update(in Kline kline) => Update((double)kline.Close);

    /// <inheritdoc />
    public void Reset()
    {
        _seedSum = 0;
        _value = 0;
        _count = 0;
    }
}
